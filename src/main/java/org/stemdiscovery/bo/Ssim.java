package org.stemdiscovery.bo;

/**
 * Structural similarity (Wang et al. 2004) as scikit-image's {@code structural_similarity(a, b,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=R)}: Gaussian window σ 1.5 truncated at
 * 3.5σ (11 × 11), mirrored ("reflect") borders, K1 = 0.01, K2 = 0.03, mean over the map without a 5-pixel border.
 */
public final class Ssim {

	private Ssim() {}

	private static final double SIGMA = 1.5, K1 = 0.01, K2 = 0.03;
	private static final int RADIUS = (int) (3.5 * SIGMA + 0.5);

	/** The smallest side SSIM is computed on: more than the window's two radii. */
	public static final int MIN_SIDE = 2 * RADIUS + 1;

	/** SSIM with the data range of the reference {@code a} (max − min). */
	public static double of(float[] a, float[] b, int width, int height) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float v : a) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return of(a, b, width, height, hi - lo);
	}

	public static double of(float[] a, float[] b, int width, int height, double dataRange) {
		if (a.length != width * height || b.length != a.length)
			throw new IllegalArgumentException("SSIM needs two " + width + " × " + height + " images");
		if (width <= 2 * RADIUS || height <= 2 * RADIUS)
			throw new IllegalArgumentException("SSIM needs images larger than " + 2 * RADIUS + " px on each side");
		int n = a.length;
		double[] x = new double[n], y = new double[n], xx = new double[n], yy = new double[n], xy = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = a[i];
			y[i] = b[i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		double[] w = weights();
		double[] ux = blur(x, width, height, w), uy = blur(y, width, height, w), uxx = blur(xx, width, height, w),
			uyy = blur(yy, width, height, w), uxy = blur(xy, width, height, w);
		double c1 = (K1 * dataRange) * (K1 * dataRange), c2 = (K2 * dataRange) * (K2 * dataRange);
		double sum = 0;
		int count = 0;
		for (int r = RADIUS; r < height - RADIUS; r++)
			for (int c = RADIUS; c < width - RADIUS; c++) {
				int i = r * width + c;
				double vx = uxx[i] - ux[i] * ux[i], vy = uyy[i] - uy[i] * uy[i], vxy = uxy[i] - ux[i] * uy[i];
				double s = (2 * ux[i] * uy[i] + c1) * (2 * vxy + c2) /
					((ux[i] * ux[i] + uy[i] * uy[i] + c1) * (vx + vy + c2));
				sum += s;
				count++;
			}
		return sum / count;
	}

	private static double[] weights() {
		double[] w = new double[2 * RADIUS + 1];
		double s = 0;
		for (int i = -RADIUS; i <= RADIUS; i++)
			s += w[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
		for (int i = 0; i < w.length; i++)
			w[i] /= s;
		return w;
	}

	/** scipy.ndimage 'reflect': d c b a | a b c d | d c b a. */
	private static int reflect(int i, int n) {
		if (i < 0) return -i - 1;
		if (i >= n) return 2 * n - i - 1;
		return i;
	}

	/** Separable Gaussian: rows (axis 0) first, then columns, as scipy's gaussian_filter. */
	private static double[] blur(double[] in, int w, int h, double[] k) {
		double[] tmp = new double[in.length], out = new double[in.length];
		for (int r = 0; r < h; r++)
			for (int c = 0; c < w; c++) {
				double s = 0;
				for (int t = -RADIUS; t <= RADIUS; t++)
					s += k[t + RADIUS] * in[reflect(r + t, h) * w + c];
				tmp[r * w + c] = s;
			}
		for (int r = 0; r < h; r++)
			for (int c = 0; c < w; c++) {
				double s = 0;
				for (int t = -RADIUS; t <= RADIUS; t++)
					s += k[t + RADIUS] * tmp[r * w + reflect(c + t, w)];
				out[r * w + c] = s;
			}
		return out;
	}
}
