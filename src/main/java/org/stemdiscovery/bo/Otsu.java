package org.stemdiscovery.bo;

/**
 * Otsu's threshold as scikit-image's {@code threshold_otsu(image, nbins=256)}: the bin centre that maximises the
 * between-class variance of a 256-bin histogram spanning the image's range.
 */
public final class Otsu {

	private Otsu() {}

	public static double threshold(float[] image) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float v : image)
			if (!Float.isNaN(v)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		if (!(hi > lo)) return lo;
		int bins = 256;
		double width = (hi - lo) / bins;
		double[] counts = new double[bins], centres = new double[bins];
		for (float v : image) {
			if (Float.isNaN(v)) continue;
			int b = (int) ((v - lo) / (hi - lo) * bins);
			counts[Math.min(bins - 1, Math.max(0, b))]++;
		}
		for (int i = 0; i < bins; i++)
			centres[i] = lo + (i + 0.5) * width;
		double[] w1 = new double[bins], m1 = new double[bins], w2 = new double[bins], m2 = new double[bins];
		double cw = 0, cm = 0;
		for (int i = 0; i < bins; i++) {
			cw += counts[i];
			cm += counts[i] * centres[i];
			w1[i] = cw;
			m1[i] = cm / cw;
		}
		cw = 0;
		cm = 0;
		for (int i = bins - 1; i >= 0; i--) {
			cw += counts[i];
			cm += counts[i] * centres[i];
			w2[i] = cw;
			m2[i] = cm / cw;
		}
		int best = 0;
		double bestVar = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < bins - 1; i++) {
			double d = m1[i] - m2[i + 1];
			double v = w1[i] * w2[i + 1] * d * d;
			if (v > bestVar) { // NaN (empty class) never wins
				bestVar = v;
				best = i;
			}
		}
		return centres[best];
	}
}
