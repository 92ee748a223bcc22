package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A ferroelectric-like 180° domain wall: a square lattice whose B columns (cell centres) are displaced
 * along y by {@code displacement · tanh(s / wallWidth)}, s the signed distance to a wall through the image
 * centre tilted {@code tiltDeg} from vertical. Left of the wall (s &lt; 0) B sits up (towards row 0).
 * Classes: 0 A, 1 B up, 2 B down. The mask marks {@code |s| ≤ 1.5} lattice spacings; the target is
 * {@code 1 − |tanh(s / wallWidth)|}, maximal on the wall.
 */
public record DomainWallScene(double spacing, double displacement, double wallWidth, double tiltDeg, double sigma,
	Imaging imaging) implements Scene {

	public static DomainWallScene defaults() {
		return new DomainWallScene(14, 1.5, 7, 10, 1.6, Imaging.typical());
	}

	public DomainWallScene withImaging(Imaging i) {
		return new DomainWallScene(spacing, displacement, wallWidth, tiltDeg, sigma, i);
	}

	@Override
	public String name() {
		return "wall";
	}

	@Override
	public SyntheticImage generate(int width, int height, long seed) {
		Scene.checkSize(width, height, 64);
		SplittableRandom rnd = new SplittableRandom(seed);
		double t = Math.toRadians(tiltDeg), cx = width / 2.0, cy = height / 2.0;
		double nx = Math.cos(t), ny = -Math.sin(t); // wall normal; the wall runs along (sin t, cos t)
		List<Atom> atoms = new ArrayList<>();
		Lattice lattice = Lattice.square(spacing, 0, new double[] { 0, 0 }, new double[] { 0.5, 0.5 });
		for (Lattice.Site site : lattice.sites(rnd.nextDouble(spacing), rnd.nextDouble(spacing), width, height, 6)) {
			if (site.sublattice() == 0) {
				atoms.add(new Atom(site.x(), site.y(), 0, 1.0, sigma));
				continue;
			}
			double s = (site.x() - cx) * nx + (site.y() - cy) * ny;
			double dy = displacement * Math.tanh(s / wallWidth);
			atoms.add(new Atom(site.x(), site.y() + dy, dy < 0 ? 1 : 2, 0.6, sigma));
		}
		byte[] mask = new byte[width * height];
		float[] target = new float[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double s = (x - cx) * nx + (y - cy) * ny;
				mask[y * width + x] = (byte) (Math.abs(s) <= 1.5 * spacing ? 1 : 0);
				target[y * width + x] = (float) (1 - Math.abs(Math.tanh(s / wallWidth)));
			}
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spacing", spacing);
		p.put("displacement", displacement);
		p.put("wallWidth", wallWidth);
		p.put("tiltDeg", tiltDeg);
		p.put("sigma", sigma);
		p.put("seed", seed);
		return Scene.image(name(), width, height, atoms, mask, target, 0, imaging, rnd, List.of("A", "B up", "B down"), p);
	}
}
