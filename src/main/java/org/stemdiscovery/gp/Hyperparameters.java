package org.stemdiscovery.gp;

/** A kernel plus the observation-noise variance (same units as the kernel variance). */
public record Hyperparameters(Kernel kernel, double noise) {

	public Hyperparameters {
		if (kernel == null) throw new IllegalArgumentException("a kernel is required");
		if (!(noise >= 0) || Double.isInfinite(noise))
			throw new IllegalArgumentException("noise variance " + noise + " must be ≥ 0");
	}

	/** Kernel log-parameters followed by log(noise). */
	public double[] logParameters() {
		double[] k = kernel.logParameters();
		double[] p = java.util.Arrays.copyOf(k, k.length + 1);
		p[k.length] = Math.log(noise);
		return p;
	}

	public Hyperparameters withLogParameters(double[] p) {
		double[] k = java.util.Arrays.copyOf(p, p.length - 1);
		return new Hyperparameters(kernel.withLogParameters(k), Math.exp(p[p.length - 1]));
	}
}
