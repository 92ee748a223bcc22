package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A graphene-like honeycomb with point defects: vacancies (missing columns), substitutional dopants
 * ({@code dopantContrast} times brighter) and Stone–Wales 5-7 defects (one bond rotated by 90°). Defect
 * counts scale with the image side (per 256 px). Classes: 0 carbon, 1 dopant. The mask marks discs of
 * 2.5 bonds around each defect; the target is the clean image blurred by one lattice constant, so
 * dopants are its maxima.
 */
public record GrapheneScene(double bond, double angleDeg, double vacanciesPer256, double dopantsPer256,
	double stoneWalesPer256, double dopantContrast, double sigma, Imaging imaging) implements Scene {

	public static GrapheneScene defaults() {
		return new GrapheneScene(7, 7, 3, 1, 1, 2.6, 1.3, Imaging.typical());
	}

	public GrapheneScene withImaging(Imaging i) {
		return new GrapheneScene(bond, angleDeg, vacanciesPer256, dopantsPer256, stoneWalesPer256, dopantContrast, sigma, i);
	}

	@Override
	public String name() {
		return "graphene";
	}

	@Override
	public SyntheticImage generate(int width, int height, long seed) {
		Scene.checkSize(width, height, 64);
		SplittableRandom rnd = new SplittableRandom(seed);
		Lattice lattice = Lattice.honeycomb(bond, Math.toRadians(angleDeg));
		List<Atom> atoms = new ArrayList<>();
		for (Lattice.Site s : lattice.sites(rnd.nextDouble(bond), rnd.nextDouble(bond), width, height, 6))
			atoms.add(new Atom(s.x(), s.y(), 0, 1.0, sigma));

		double scale = Math.max(width, height) / 256.0;
		int nVac = (int) Math.round(vacanciesPer256 * scale), nDop = (int) Math.round(dopantsPer256 * scale);
		int nSw = (int) Math.round(stoneWalesPer256 * scale);
		List<double[]> defects = new ArrayList<>(); // x, y, type (0 vacancy, 1 dopant, 2 Stone-Wales)
		SplittableRandom pick = rnd.split();
		for (int type = 0; type < 3; type++) {
			int want = type == 0 ? nVac : type == 1 ? nDop : nSw;
			for (int tries = 0, got = 0; got < want && tries < 10_000; tries++) {
				int i = pick.nextInt(atoms.size());
				Atom a = atoms.get(i);
				if (a.cls() != 0 || a.intensity() == 0 || !farFrom(defects, a, width, height)) continue;
				if (type == 0) atoms.set(i, new Atom(a.x(), a.y(), 0, 0, sigma)); // removed below
				else if (type == 1) atoms.set(i, new Atom(a.x(), a.y(), 1, dopantContrast, sigma));
				else if (!rotateBond(atoms, i)) continue;
				defects.add(new double[] { a.x(), a.y(), type });
				got++;
			}
		}
		atoms.removeIf(a -> a.intensity() == 0);

		byte[] mask = new byte[width * height];
		double r = 2.5 * bond;
		for (double[] d : defects)
			for (int y = Math.max(0, (int) (d[1] - r)); y <= Math.min(height - 1, (int) (d[1] + r) + 1); y++)
				for (int x = Math.max(0, (int) (d[0] - r)); x <= Math.min(width - 1, (int) (d[0] + r) + 1); x++)
					if (Math.hypot(x - d[0], y - d[1]) <= r) mask[y * width + x] = 1;

		Map<String, Object> p = new LinkedHashMap<>();
		p.put("bond", bond);
		p.put("angleDeg", angleDeg);
		p.put("dopantContrast", dopantContrast);
		p.put("sigma", sigma);
		p.put("seed", seed);
		List<Object> ds = new ArrayList<>();
		for (double[] d : defects)
			ds.add(new java.util.TreeMap<>(Map.of("x", d[0], "y", d[1], "type", new String[] { "vacancy", "dopant", "stone-wales" }[(int) d[2]])));
		p.put("defects", ds);
		return Scene.image(name(), width, height, atoms, mask, null, bond * Math.sqrt(3), imaging, rnd, List.of("carbon",
			"dopant"), p);
	}

	/** Defects at least four bonds from each other and three from the border, so each is seen whole. */
	private boolean farFrom(List<double[]> defects, Atom a, int width, int height) {
		double edge = 3 * bond;
		if (a.x() < edge || a.y() < edge || a.x() > width - edge || a.y() > height - edge) return false;
		for (double[] d : defects)
			if (Math.hypot(d[0] - a.x(), d[1] - a.y()) < 4 * bond) return false;
		return true;
	}

	/** Rotates the bond from atom i to its nearest carbon neighbour by 90° about its midpoint. */
	private boolean rotateBond(List<Atom> atoms, int i) {
		Atom a = atoms.get(i);
		int best = -1;
		double bd = Double.POSITIVE_INFINITY;
		for (int j = 0; j < atoms.size(); j++) {
			Atom b = atoms.get(j);
			double d = Math.hypot(b.x() - a.x(), b.y() - a.y());
			if (j != i && b.intensity() > 0 && b.cls() == 0 && d < bd) {
				bd = d;
				best = j;
			}
		}
		if (best < 0 || bd > 1.2 * bond) return false;
		Atom b = atoms.get(best);
		double mx = (a.x() + b.x()) / 2, my = (a.y() + b.y()) / 2;
		atoms.set(i, a.moved(mx - (a.y() - my), my + (a.x() - mx)));
		atoms.set(best, b.moved(mx - (b.y() - my), my + (b.x() - mx)));
		return true;
	}
}
