package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A perovskite-like square matrix (bright A columns, dim B columns at the cell centres) with circular
 * inclusions of a second phase with another spacing and orientation, as NiO pillars in LSMO seen end on.
 * Classes: 0 matrix A, 1 matrix B, 2 pillar. The mask marks the pillar discs.
 *
 * @param radiusFraction pillar radius as a fraction of the smaller image side
 */
public record PillarScene(double matrixSpacing, double pillarSpacing, double pillarAngleDeg, int pillars,
	double radiusFraction, double sigma, Imaging imaging) implements Scene {

	public static PillarScene defaults() {
		return new PillarScene(12, 8.5, 17, 3, 0.11, 1.4, Imaging.typical());
	}

	public PillarScene withImaging(Imaging i) {
		return new PillarScene(matrixSpacing, pillarSpacing, pillarAngleDeg, pillars, radiusFraction, sigma, i);
	}

	@Override
	public String name() {
		return "pillars";
	}

	@Override
	public SyntheticImage generate(int width, int height, long seed) {
		Scene.checkSize(width, height, 64);
		SplittableRandom rnd = new SplittableRandom(seed);
		double radius = radiusFraction * Math.min(width, height);
		double[][] centres = placeDiscs(width, height, radius, rnd.split());

		List<Atom> atoms = new ArrayList<>();
		Lattice matrix = Lattice.square(matrixSpacing, 0, new double[] { 0, 0 }, new double[] { 0.5, 0.5 });
		for (Lattice.Site s : matrix.sites(rnd.nextDouble(matrixSpacing), rnd.nextDouble(matrixSpacing), width, height, 6))
			// A quarter spacing of clearance on each side of the interface keeps columns from merging.
			if (!inside(centres, radius + 0.25 * matrixSpacing, s.x(), s.y()))
				atoms.add(new Atom(s.x(), s.y(), s.sublattice(), s.sublattice() == 0 ? 1.0 : 0.45, sigma));
		Lattice pillar = Lattice.square(pillarSpacing, Math.toRadians(pillarAngleDeg), new double[] { 0, 0 });
		for (Lattice.Site s : pillar.sites(rnd.nextDouble(pillarSpacing), rnd.nextDouble(pillarSpacing), width, height, 6))
			if (inside(centres, radius - 0.25 * pillarSpacing, s.x(), s.y())) atoms.add(new Atom(s.x(), s.y(), 2, 1.25, sigma));

		byte[] mask = new byte[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				mask[y * width + x] = (byte) (inside(centres, radius, x, y) ? 1 : 0);

		Map<String, Object> p = new LinkedHashMap<>();
		p.put("matrixSpacing", matrixSpacing);
		p.put("pillarSpacing", pillarSpacing);
		p.put("pillarAngleDeg", pillarAngleDeg);
		p.put("pillarRadius", radius);
		List<Object> cs = new ArrayList<>();
		for (double[] c : centres)
			cs.add(c);
		p.put("pillarCentres", cs);
		p.put("sigma", sigma);
		p.put("seed", seed);
		return Scene.image(name(), width, height, atoms, mask, null, matrixSpacing, imaging, rnd, List.of("matrix A",
			"matrix B", "pillar"), p);
	}

	/** Disc centres at least one lattice spacing apart and from the border; fewer if the image is crowded. */
	private double[][] placeDiscs(int width, int height, double radius, SplittableRandom rnd) {
		List<double[]> out = new ArrayList<>();
		double margin = radius + matrixSpacing;
		for (int tries = 0; out.size() < pillars && tries < 10_000; tries++) {
			double x = margin + rnd.nextDouble() * Math.max(1e-9, width - 2 * margin);
			double y = margin + rnd.nextDouble() * Math.max(1e-9, height - 2 * margin);
			boolean free = true;
			for (double[] c : out)
				free &= Math.hypot(c[0] - x, c[1] - y) > 2 * radius + matrixSpacing;
			if (free) out.add(new double[] { x, y });
		}
		return out.toArray(new double[0][]);
	}

	private static boolean inside(double[][] centres, double r, double x, double y) {
		for (double[] c : centres)
			if (Math.hypot(c[0] - x, c[1] - y) <= r) return true;
		return false;
	}
}
