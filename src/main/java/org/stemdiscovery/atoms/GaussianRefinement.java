package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

/**
 * Sub-pixel positions by fitting {@code A·exp(−r²/2s²) + B} to the image in a disc around each atom
 * (Levenberg–Marquardt on five parameters). A fit that fails, turns negative, or moves the atom more
 * than {@code maxShift} px keeps the starting position: a neighbour or noise pulled it away.
 */
public final class GaussianRefinement {

	private GaussianRefinement() {}

	/** @param radius half-width of the fitted window (px); about 0.4 of the nearest-neighbour distance */
	public static List<FoundAtom> refine(float[] img, int w, int h, List<FoundAtom> atoms, double radius,
		double maxShift) {
		List<FoundAtom> out = new ArrayList<>(atoms.size());
		for (FoundAtom a : atoms) {
			double[] p = fit(img, w, h, a.x(), a.y(), radius);
			if (p != null && Math.hypot(p[1] - a.x(), p[2] - a.y()) <= maxShift) out.add(a.moved(p[1], p[2]));
			else out.add(a);
		}
		return out;
	}

	/** Fitted {A, x0, y0, s, B}, or null when the window is too small or the fit is not a peak. */
	static double[] fit(float[] img, int w, int h, double x0, double y0, double radius) {
		int r = (int) Math.ceil(radius);
		List<int[]> px = new ArrayList<>();
		int cx = (int) Math.round(x0), cy = (int) Math.round(y0);
		for (int y = cy - r; y <= cy + r; y++)
			for (int x = cx - r; x <= cx + r; x++)
				if (x >= 0 && y >= 0 && x < w && y < h && Math.hypot(x - x0, y - y0) <= radius) px.add(new int[] { x, y });
		if (px.size() < 9) return null;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int[] q : px) {
			min = Math.min(min, img[q[1] * w + q[0]]);
			max = Math.max(max, img[q[1] * w + q[0]]);
		}
		double[] p = { max - min, x0, y0, Math.max(0.7, radius / 2), min };
		double lambda = 1e-2, cost = cost(img, w, px, p);
		for (int it = 0; it < 30; it++) {
			double[][] jtj = new double[5][5];
			double[] jtr = new double[5];
			for (int[] q : px) {
				double dx = q[0] - p[1], dy = q[1] - p[2], s2 = p[3] * p[3];
				double e = Math.exp(-(dx * dx + dy * dy) / (2 * s2));
				double model = p[0] * e + p[4], res = img[q[1] * w + q[0]] - model;
				double[] j = { e, p[0] * e * dx / s2, p[0] * e * dy / s2, p[0] * e * (dx * dx + dy * dy) / (s2 * p[3]), 1 };
				for (int a = 0; a < 5; a++) {
					jtr[a] += j[a] * res;
					for (int b = 0; b < 5; b++)
						jtj[a][b] += j[a] * j[b];
				}
			}
			double[] step = null;
			double[] trial = null;
			double trialCost = Double.POSITIVE_INFINITY;
			for (int tries = 0; tries < 8; tries++) {
				double[][] m = new double[5][5];
				for (int a = 0; a < 5; a++) {
					m[a] = jtj[a].clone();
					m[a][a] *= 1 + lambda;
					m[a][a] += 1e-12;
				}
				step = solve(m, jtr.clone());
				if (step == null) return null;
				trial = new double[5];
				for (int a = 0; a < 5; a++)
					trial[a] = p[a] + step[a];
				trial[3] = Math.abs(trial[3]);
				trialCost = trial[3] > 0.3 ? cost(img, w, px, trial) : Double.POSITIVE_INFINITY;
				if (trialCost < cost) break;
				lambda *= 10;
			}
			if (!(trialCost < cost)) break;
			double gain = cost - trialCost;
			p = trial;
			cost = trialCost;
			lambda = Math.max(1e-7, lambda / 10);
			if (gain < 1e-9 * cost && Math.abs(step[1]) + Math.abs(step[2]) < 1e-4) break;
		}
		if (!(p[0] > 0) || !(p[3] > 0.3) || p[3] > 2 * radius) return null;
		return p;
	}

	private static double cost(float[] img, int w, List<int[]> px, double[] p) {
		double c = 0, s2 = p[3] * p[3];
		for (int[] q : px) {
			double dx = q[0] - p[1], dy = q[1] - p[2];
			double r = img[q[1] * w + q[0]] - (p[0] * Math.exp(-(dx * dx + dy * dy) / (2 * s2)) + p[4]);
			c += r * r;
		}
		return c;
	}

	/** Gaussian elimination with partial pivoting; null if singular. */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		for (int c = 0; c < n; c++) {
			int piv = c;
			for (int r = c + 1; r < n; r++)
				if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
			if (Math.abs(a[piv][c]) < 1e-300) return null;
			double[] t = a[c];
			a[c] = a[piv];
			a[piv] = t;
			double tb = b[c];
			b[c] = b[piv];
			b[piv] = tb;
			for (int r = c + 1; r < n; r++) {
				double f = a[r][c] / a[c][c];
				for (int k = c; k < n; k++)
					a[r][k] -= f * a[c][k];
				b[r] -= f * b[c];
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double s = b[r];
			for (int k = r + 1; k < n; k++)
				s -= a[r][k] * x[k];
			x[r] = s / a[r][r];
		}
		return x;
	}
}
