package org.stemdiscovery.workflow;

import org.stemdiscovery.bo.Otsu;
import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;

/**
 * Picks, among several maps of the same grid (abundances, latent maps), the one that best marks a feature
 * of interest for an experiment that looks for high values: spatial contrast times minority.
 * <ul>
 * <li>Contrast: the share of the map's variance that survives smoothing by {@code sigma} grid cells, on
 * the standardised map, so units do not matter: pure noise keeps about {@code 1 / (4π σ²)}, large
 * domains nearly 1.</li>
 * <li>Minority: 1 − the share of cells above the map's Otsu threshold. Two phases give two complementary
 * abundance maps with the same contrast; the one whose bright part is the rarer phase is the feature
 * to look for (pillars in a matrix, a wall between domains).</li>
 * </ul>
 * The scores are reported so a user can overrule the choice.
 */
public final class MapSelector {

	/** The chosen map and every map's score. */
	public record Selection(int index, double[] scores) {

		public double score() {
			return scores[index];
		}
	}

	private final double sigma;

	/** @param sigma smoothing in grid cells; 1 suits window grids of a few dozen cells a side */
	public MapSelector(double sigma) {
		if (!(sigma > 0)) throw new InputException("smoothing " + sigma + " must be positive (e.g. 1 grid cell)");
		this.sigma = sigma;
	}

	/** Scores maps stored back to back in {@code maps} ({@code count} maps of {@code width × height}). */
	public Selection select(float[] maps, int width, int height, int count) {
		int n = width * height;
		if (count < 1 || maps.length != n * count)
			throw new InputException(maps.length + " values are not " + count + " maps of " + width + " x " + height);
		double[] scores = new double[count];
		int best = 0;
		for (int m = 0; m < count; m++) {
			float[] z = new float[n];
			double mean = 0, var = 0;
			for (int i = 0; i < n; i++)
				mean += maps[m * n + i];
			mean /= n;
			for (int i = 0; i < n; i++)
				var += (maps[m * n + i] - mean) * (maps[m * n + i] - mean);
			var /= n;
			if (!(var > 0)) {
				scores[m] = 0; // a constant map has no contrast at all
				continue;
			}
			double sd = Math.sqrt(var);
			for (int i = 0; i < n; i++)
				z[i] = (float) ((maps[m * n + i] - mean) / sd);
			float[] smooth = GaussianBlur.blur(z, width, height, sigma);
			double sm = 0, sv = 0;
			for (float v : smooth)
				sm += v;
			sm /= n;
			for (float v : smooth)
				sv += (v - sm) * (v - sm);
			float[] map = new float[n];
			System.arraycopy(maps, m * n, map, 0, n);
			double t = Otsu.threshold(map);
			int high = 0;
			for (float v : map)
				high += v > t ? 1 : 0;
			scores[m] = sv / n * (1 - (double) high / n);
			if (scores[m] > scores[best]) best = m;
		}
		return new Selection(best, scores);
	}
}
