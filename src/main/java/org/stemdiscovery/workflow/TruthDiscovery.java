package org.stemdiscovery.workflow;

import java.util.List;

import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * Judges an experiment against a ground-truth mask in image pixels (synthetic images): the share of mask
 * pixels within {@code radius} image pixels of a measured point, a point on the target grid standing for
 * its cell's centre in the image.
 */
public final class TruthDiscovery {

	private TruthDiscovery() {}

	/** The share discovered after each step. */
	public static double[] perStep(byte[] mask, int width, int height, Grid grid, List<StepRecord> steps,
		double radius) {
		int total = steps.stream().mapToInt(s -> s.x().length).sum(), k = 0;
		int[] x = new int[total], y = new int[total], ends = new int[steps.size()];
		for (int s = 0; s < steps.size(); s++) {
			for (int i = 0; i < steps.get(s).x().length; i++, k++) {
				x[k] = steps.get(s).x()[i];
				y[k] = steps.get(s).y()[i];
			}
			ends[s] = k - 1;
		}
		double[] each = afterEachPoint(mask, width, height, grid, x, y, radius), out = new double[steps.size()];
		for (int s = 0; s < out.length; s++)
			out[s] = ends[s] < 0 ? 0 : each[ends[s]];
		return out;
	}

	/** The share discovered after each of the grid points {@code (x[i], y[i])}, in order. */
	public static double[] afterEachPoint(byte[] mask, int width, int height, Grid grid, int[] x, int[] y,
		double radius) {
		if (mask.length != width * height) throw new InputException("the mask has " + mask.length + " pixels, the image " +
			width + " x " + height);
		int total = 0;
		for (byte b : mask)
			total += b != 0 ? 1 : 0;
		if (total == 0) throw new InputException("the ground-truth mask is empty; nothing can be discovered");
		boolean[] seen = new boolean[mask.length];
		int found = 0, r = (int) Math.ceil(radius);
		double r2 = radius * radius;
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			double cx = grid.centreX(x[i]), cy = grid.centreY(y[i]);
			for (int py = Math.max(0, (int) Math.floor(cy - r)); py <= Math.min(height - 1, (int) Math.ceil(cy + r)); py++)
				for (int px = Math.max(0, (int) Math.floor(cx - r)); px <= Math.min(width - 1, (int) Math.ceil(cx + r)); px++) {
					int p = py * width + px;
					if (!seen[p] && (px - cx) * (px - cx) + (py - cy) * (py - cy) <= r2) {
						seen[p] = true;
						if (mask[p] != 0) found++;
					}
				}
			out[i] = (double) found / total;
		}
		return out;
	}

	/**
	 * The baseline an experiment must beat: the share discovered after each point when the same grid is
	 * sampled in a random order (seeded).
	 */
	public static double[] randomSampling(byte[] mask, int width, int height, Grid grid, int points, double radius,
		long seed) {
		int n = grid.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
		for (int i = n - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1), t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		int m = Math.min(points, n);
		int[] x = new int[m], y = new int[m];
		for (int i = 0; i < m; i++) {
			x[i] = grid.col(order[i]);
			y[i] = grid.row(order[i]);
		}
		return afterEachPoint(mask, width, height, grid, x, y, radius);
	}
}
