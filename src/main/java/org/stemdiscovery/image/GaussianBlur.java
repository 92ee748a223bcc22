package org.stemdiscovery.image;

/** Separable Gaussian blur of a row-major 2-D float array, edges extended by the nearest pixel. */
public final class GaussianBlur {

	private GaussianBlur() {}

	/** Returns a blurred copy of {@code in} ({@code width × height}) with standard deviation {@code sigma} px. */
	public static float[] blur(float[] in, int width, int height, double sigma) {
		if (sigma <= 0) return in.clone();
		int r = (int) Math.ceil(4 * sigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++)
			sum += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		float[] tmp = new float[in.length], out = new float[in.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++)
					acc += k[i + r] * in[y * width + clamp(x + i, width)];
				tmp[y * width + x] = (float) acc;
			}
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++)
					acc += k[i + r] * tmp[clamp(y + i, height) * width + x];
				out[y * width + x] = (float) acc;
			}
		return out;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
