package org.stemdiscovery.atoms;

import org.jtransforms.fft.FloatFFT_2D;

/**
 * The dominant periodicity of an image from its power spectrum: the strongest Bragg spot of a Hann-tapered
 * centred square crop (side a power of two, at most 1024), excluding the lowest frequencies (periods longer
 * than a quarter of the crop) and sharpened to sub-pixel by a parabola. The returned period is the spacing
 * of the strongest set of lattice planes, not the nearest-neighbour distance: for a honeycomb it is 1.5 bond
 * lengths, for a perovskite ADF image the cube edge.
 */
public final class LatticeSpacing {

	private LatticeSpacing() {}

	/** Period in pixels of the strongest spectral peak; NaN if the image is too small or flat. */
	public static double estimate(float[] img, int w, int h) {
		int n = Integer.highestOneBit(Math.min(Math.min(w, h), 1024));
		if (n < 32) return Double.NaN;
		int x0 = (w - n) / 2, y0 = (h - n) / 2;
		double mean = 0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				mean += img[(y0 + y) * w + x0 + x];
		mean /= (double) n * n;
		float[] a = new float[2 * n * n];
		double[] hann = new double[n];
		for (int i = 0; i < n; i++)
			hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				a[y * n + x] = (float) ((img[(y0 + y) * w + x0 + x] - mean) * hann[x] * hann[y]);
		new FloatFFT_2D(n, n).realForwardFull(a);
		double[] power = new double[n * n];
		for (int i = 0; i < n * n; i++)
			power[i] = (double) a[2 * i] * a[2 * i] + (double) a[2 * i + 1] * a[2 * i + 1];
		double best = 0;
		int bu = 0, bv = 0;
		for (int v = -n / 2 + 1; v < n / 2; v++)
			for (int u = 0; u < n / 2; u++) {
				double r = Math.hypot(u, v);
				if (r < 4 || r > n / 2.0 - 1) continue;
				double p = power[Math.floorMod(v, n) * n + u];
				if (p > best) {
					best = p;
					bu = u;
					bv = v;
				}
			}
		if (best == 0) return Double.NaN;
		double du = peakOffset(power, n, bu - 1, bv, bu, bv, bu + 1, bv);
		double dv = peakOffset(power, n, bu, bv - 1, bu, bv, bu, bv + 1);
		return n / Math.hypot(bu + du, bv + dv);
	}

	private static double peakOffset(double[] p, int n, int u0, int v0, int u1, int v1, int u2, int v2) {
		double a = at(p, n, u0, v0), b = at(p, n, u1, v1), c = at(p, n, u2, v2);
		double den = a - 2 * b + c;
		return den < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den)) : 0;
	}

	/** Power at frequency (u, v), using the Hermitian symmetry for negative u. */
	private static double at(double[] p, int n, int u, int v) {
		if (u < 0) {
			u = -u;
			v = -v;
		}
		return p[Math.floorMod(v, n) * n + Math.floorMod(u, n)];
	}
}
