package org.stemdiscovery.experiment;

import java.util.Random;

import org.stemdiscovery.image.Grid;

/**
 * What the same budget finds without Bayesian optimization, in the same run: patches at random candidate
 * positions, and a serpentine raster of patches spread evenly over the field; and what a full raster of the
 * frame at the measurement dose costs. Each curve holds the features found after each measurement.
 */
public final class Baselines {

	private Baselines() {}

	/** {@code budget} distinct random candidates, seeded. */
	public static int[] random(Features truth, Grid candidates, int budget, long seed) {
		int n = candidates.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		Random r = new Random(seed);
		Features.Counter c = truth.counter();
		int[] curve = new int[Math.min(budget, n)];
		for (int k = 0; k < curve.length; k++) {
			int j = k + r.nextInt(n - k);
			int t = order[k];
			order[k] = order[j];
			order[j] = t;
			curve[k] = c.add(candidates.left(candidates.col(order[k])), candidates.top(candidates.row(order[k])), candidates
				.window());
		}
		return curve;
	}

	/** Measurements random patches needed to find every feature, or -1 within the candidates' count. */
	public static int randomToFindAll(Features truth, Grid candidates, long seed) {
		int[] curve = random(truth, candidates, candidates.size(), seed);
		for (int k = 0; k < curve.length; k++)
			if (curve[k] == truth.count()) return k + 1;
		return -1;
	}

	/**
	 * The raster of {@code budget} patches: rows × cols ≈ budget in the field's aspect ratio, evenly spread between
	 * the first and the last candidate position, visited row by row, alternating direction.
	 */
	public static int[][] serpentinePositions(Grid candidates, int budget) {
		int w = candidates.cols(), h = candidates.rows();
		int rows = Math.max(1, Math.min(h, (int) Math.round(Math.sqrt(budget * (double) h / w))));
		int cols = Math.max(1, Math.min(w, (budget + rows - 1) / rows));
		while ((long) rows * cols < budget && rows < h)
			rows++;
		int[][] out = new int[Math.min(budget, rows * cols)][];
		int k = 0;
		for (int r = 0; r < rows && k < out.length; r++)
			for (int j = 0; j < cols && k < out.length; j++) {
				int c = r % 2 == 0 ? j : cols - 1 - j;
				int col = cols == 1 ? (w - 1) / 2 : (int) Math.round(c * (w - 1) / (double) (cols - 1));
				int row = rows == 1 ? (h - 1) / 2 : (int) Math.round(r * (h - 1) / (double) (rows - 1));
				out[k++] = new int[] { candidates.left(col), candidates.top(row) };
			}
		return out;
	}

	public static int[] serpentine(Features truth, Grid candidates, int budget) {
		int[][] p = serpentinePositions(candidates, budget);
		Features.Counter c = truth.counter();
		int[] curve = new int[p.length];
		for (int k = 0; k < p.length; k++)
			curve[k] = c.add(p[k][0], p[k][1], candidates.window());
		return curve;
	}

	/** Electrons of a full raster of the frame at {@code dosePerPixel}. */
	public static double fullRasterElectrons(int width, int height, double dosePerPixel) {
		return width * (double) height * dosePerPixel;
	}
}
