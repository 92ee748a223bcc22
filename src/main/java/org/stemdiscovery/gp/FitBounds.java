package org.stemdiscovery.gp;

/**
 * Box bounds for fitting: length scale in pixels, variance and noise in the units of the (normalised)
 * values, α for the rational-quadratic kernel.
 */
public record FitBounds(double minLength, double maxLength, double minVariance, double maxVariance, double minNoise,
	double maxNoise, double minAlpha, double maxAlpha) {

	public FitBounds {
		if (!(minLength > 0 && maxLength >= minLength))
			throw new IllegalArgumentException("length-scale bounds " + minLength + ".." + maxLength +
				" px must satisfy 0 < min ≤ max");
		if (!(minVariance > 0 && maxVariance >= minVariance && minNoise > 0 && maxNoise >= minNoise && minAlpha > 0 &&
			maxAlpha >= minAlpha)) throw new IllegalArgumentException("fit bounds must be positive with min ≤ max");
	}

	/** 1–1000 px, variance 1e-4–1e4, noise 1e-8–1e-1, α 1e-3–1e3. */
	public static FitBounds defaults() {
		return new FitBounds(1, 1000, 1e-4, 1e4, 1e-8, 1e-1, 1e-3, 1e3);
	}

	public FitBounds withLength(double min, double max) {
		return new FitBounds(min, max, minVariance, maxVariance, minNoise, maxNoise, minAlpha, maxAlpha);
	}

	/** Lower and upper log bounds in the order of {@link Hyperparameters#logParameters()}. */
	double[][] logBox(Hyperparameters h) {
		int n = h.logParameters().length;
		double[] lo = new double[n], hi = new double[n];
		lo[0] = Math.log(minVariance);
		hi[0] = Math.log(maxVariance);
		lo[1] = Math.log(minLength);
		hi[1] = Math.log(maxLength);
		if (n == 4) {
			lo[2] = Math.log(minAlpha);
			hi[2] = Math.log(maxAlpha);
		}
		lo[n - 1] = Math.log(minNoise);
		hi[n - 1] = Math.log(maxNoise);
		return new double[][] { lo, hi };
	}
}
