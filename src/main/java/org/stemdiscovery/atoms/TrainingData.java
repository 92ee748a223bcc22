package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.RandomLatticeScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * Training pairs from the synthetic generator: a standardised noisy image and per-pixel labels (0
 * background, 1 atom column, 2 bright column) as discs around the ground-truth columns, radius
 * {@code max(1.5, min(0.3·nn, σ + 0.5))} px, so neighbours never touch yet each column is several pixels.
 */
public final class TrainingData {

	private TrainingData() {}

	/** One image and its labels, both {@code side × side} row-major. */
	public record Sample(float[] image, byte[] labels, SyntheticImage source) {}

	public static Sample sample(RandomLatticeScene scene, int side, long seed) {
		SyntheticImage s = scene.generate(side, side, seed);
		return new Sample(Normalise.standardise(s.noisy()), labels(s), s);
	}

	public static double labelRadius(double nn, double sigma) {
		return Math.max(1.5, Math.min(0.3 * nn, sigma + 0.5));
	}

	public static byte[] labels(SyntheticImage s) {
		int w = s.width(), h = s.height();
		byte[] lab = new byte[w * h];
		double nn = ((Number) s.parameters().get("nearestNeighbour")).doubleValue();
		for (Atom a : s.atoms()) {
			double r = labelRadius(nn, a.sigma());
			byte v = (byte) (a.cls() == 1 ? 2 : 1);
			for (int y = (int) Math.floor(a.y() - r); y <= Math.ceil(a.y() + r); y++)
				for (int x = (int) Math.floor(a.x() - r); x <= Math.ceil(a.x() + r); x++)
					if (x >= 0 && y >= 0 && x < w && y < h && Math.hypot(x - a.x(), y - a.y()) <= r) lab[y * w + x] = v;
		}
		return lab;
	}

	/** Ground-truth (x, y) of the columns inside the image. */
	public static List<double[]> truth(SyntheticImage s) {
		List<double[]> out = new ArrayList<>();
		for (Atom a : s.atomsInside())
			out.add(new double[] { a.x(), a.y(), a.cls() });
		return out;
	}
}
