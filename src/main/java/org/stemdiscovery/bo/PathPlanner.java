package org.stemdiscovery.bo;

/**
 * Orders a batch of points for a short beam path that starts where the beam is: nearest neighbour, then
 * 2-opt (reverse any stretch of the path that shortens it) until no reversal helps. The path is open: the beam
 * stays at the last point.
 */
public final class PathPlanner {

	private PathPlanner() {}

	/** @return a permutation of {@code 0 … xs.length − 1}: the visiting order */
	public static int[] order(double startX, double startY, double[] xs, double[] ys) {
		int n = xs.length;
		int[] path = new int[n];
		boolean[] used = new boolean[n];
		double cx = startX, cy = startY;
		for (int k = 0; k < n; k++) {
			int best = -1;
			double bd = Double.POSITIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				if (used[i]) continue;
				double d = Math.hypot(xs[i] - cx, ys[i] - cy);
				if (d < bd) {
					bd = d;
					best = i;
				}
			}
			used[best] = true;
			path[k] = best;
			cx = xs[best];
			cy = ys[best];
		}
		twoOpt(startX, startY, xs, ys, path);
		return path;
	}

	/** Position k of the tour: −1 is the start. */
	private static double x(double sx, double[] xs, int[] path, int k) {
		return k < 0 ? sx : xs[path[k]];
	}

	private static void twoOpt(double sx, double sy, double[] xs, double[] ys, int[] path) {
		int n = path.length;
		boolean improved = true;
		for (int round = 0; improved && round < 100; round++) {
			improved = false;
			// Reverse path[i..j]: edges (i−1, i) and (j, j+1) become (i−1, j) and (i, j+1); no j+1 at the end.
			for (int i = 0; i < n - 1; i++)
				for (int j = i + 1; j < n; j++) {
					double ax = x(sx, xs, path, i - 1), ay = x(sy, ys, path, i - 1);
					double bx = xs[path[i]], by = ys[path[i]], cx = xs[path[j]], cy = ys[path[j]];
					double before = Math.hypot(bx - ax, by - ay), after = Math.hypot(cx - ax, cy - ay);
					if (j + 1 < n) {
						double dx = xs[path[j + 1]], dy = ys[path[j + 1]];
						before += Math.hypot(dx - cx, dy - cy);
						after += Math.hypot(dx - bx, dy - by);
					}
					if (after < before - 1e-9) {
						for (int a = i, b = j; a < b; a++, b--) {
							int t = path[a];
							path[a] = path[b];
							path[b] = t;
						}
						improved = true;
					}
				}
		}
	}

	/** Length of the path from the start through the points in the given order. */
	public static double length(double startX, double startY, double[] xs, double[] ys, int[] order) {
		double len = 0, cx = startX, cy = startY;
		for (int i : order) {
			len += Math.hypot(xs[i] - cx, ys[i] - cy);
			cx = xs[i];
			cy = ys[i];
		}
		return len;
	}

	/** The identity order (acquisition order). */
	public static int[] identity(int n) {
		int[] o = new int[n];
		for (int i = 0; i < n; i++)
			o[i] = i;
		return o;
	}
}
