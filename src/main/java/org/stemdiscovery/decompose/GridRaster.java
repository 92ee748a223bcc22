package org.stemdiscovery.decompose;

import org.stemdiscovery.image.Grid;

/**
 * Puts one value per window back onto the source image: each value sits at its window's centre, pixels in
 * between are interpolated bilinearly, and pixels outside the rectangle of window centres take the nearest
 * centre's value (the windows say nothing finer there).
 */
public final class GridRaster {

	private GridRaster() {}

	/** A {@code sourceWidth × sourceHeight} row-major image of the per-window {@code values} (grid order). */
	public static float[] toPixels(double[] values, Grid grid) {
		if (values.length != grid.size()) throw new IllegalArgumentException(values.length + " values for a grid of " +
			grid.size() + " windows");
		int w = grid.sourceWidth(), h = grid.sourceHeight();
		int[] c0 = new int[w], r0 = new int[h];
		double[] fx = new double[w], fy = new double[h];
		for (int x = 0; x < w; x++)
			fx[x] = split(x, grid.centreX(0), grid.step(), grid.cols(), c0, x);
		for (int y = 0; y < h; y++)
			fy[y] = split(y, grid.centreY(0), grid.step(), grid.rows(), r0, y);
		float[] out = new float[w * h];
		int cols = grid.cols();
		for (int y = 0; y < h; y++) {
			int ra = r0[y], rb = Math.min(ra + 1, grid.rows() - 1);
			double ty = fy[y];
			for (int x = 0; x < w; x++) {
				int ca = c0[x], cb = Math.min(ca + 1, cols - 1);
				double tx = fx[x];
				double top = values[ra * cols + ca] * (1 - tx) + values[ra * cols + cb] * tx;
				double bottom = values[rb * cols + ca] * (1 - tx) + values[rb * cols + cb] * tx;
				out[y * w + x] = (float) (top * (1 - ty) + bottom * ty);
			}
		}
		return out;
	}

	/** Cell index (into {@code cell[at]}) and fraction of pixel coordinate {@code p} between window centres. */
	private static double split(int p, double first, int step, int count, int[] cell, int at) {
		double g = (p - first) / step;
		if (count == 1 || g <= 0) {
			cell[at] = 0;
			return 0;
		}
		if (g >= count - 1) {
			cell[at] = count - 1;
			return 0;
		}
		int c = (int) Math.floor(g);
		cell[at] = c;
		return g - c;
	}

	/** Whether pixel (x, y) lies inside the rectangle spanned by the window centres (interpolated, not held). */
	public static boolean insideCentres(Grid grid, int x, int y) {
		return x >= grid.centreX(0) && x <= grid.centreX(grid.cols() - 1) && y >= grid.centreY(0) &&
			y <= grid.centreY(grid.rows() - 1);
	}
}
