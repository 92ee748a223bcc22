package org.stemdiscovery.decompose;

/**
 * Abundances of new samples on the components of a fitted {@link Decomposition}, the way that method defines
 * them: NMF by non-negative least squares, N-FINDR by fully constrained least squares (non-negative, summing
 * to one), SVD by orthogonal projection onto its right singular vectors. At a microscope the components are
 * fitted once on the survey, and every measured patch is projected here.
 */
public final class Projection {

	private static final int MAX_SWEEPS = 2000;
	private static final double TOLERANCE = 1e-12;

	private final String method;
	private final double[][] components;
	private final double[] gram; // C Cᵀ, k × k

	public Projection(Decomposition d) {
		this.method = d.method();
		this.components = d.components();
		int k = components.length;
		this.gram = new double[k * k];
		for (int t = 0; t < k; t++)
			for (int u = 0; u < k; u++)
				gram[t * k + u] = dot(components[t], components[u]);
	}

	public int k() {
		return components.length;
	}

	/** Features per sample. */
	public int d() {
		return components[0].length;
	}

	/** The k abundances of one sample of {@link #d()} features. */
	public double[] abundances(float[] sample) {
		if (sample.length != d()) throw new IllegalArgumentException(sample.length + " features, not " + d());
		int k = k();
		double[] b = new double[k];
		for (int t = 0; t < k; t++) {
			double s = 0;
			double[] c = components[t];
			for (int j = 0; j < sample.length; j++)
				s += c[j] * sample[j];
			b[t] = s;
		}
		return switch (method) {
			case "svd" -> b;
			case "nfindr" -> {
				try (Parallel one = new Parallel(1)) {
					double[][] a = Fcls.solve(new Samples(sample, 1, sample.length, null), components, one);
					double[] out = new double[k];
					for (int t = 0; t < k; t++)
						out[t] = a[t][0];
					yield out;
				}
			}
			default -> nonNegative(b);
		};
	}

	/**
	 * min ‖x − Cᵀh‖² over h ≥ 0 by cyclic coordinate descent on the Gram matrix (k is a handful, so k² per sweep):
	 * each coordinate is set to its exact constrained minimiser given the others, which converges to the unique
	 * optimum when the components are independent.
	 */
	private double[] nonNegative(double[] b) {
		int k = b.length;
		double[] h = new double[k];
		for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
			double change = 0, size = 0;
			for (int t = 0; t < k; t++) {
				double g = gram[t * k + t];
				if (!(g > 0)) continue;
				double r = b[t];
				for (int u = 0; u < k; u++)
					if (u != t) r -= gram[t * k + u] * h[u];
				double next = Math.max(0, r / g);
				change = Math.max(change, Math.abs(next - h[t]));
				size = Math.max(size, Math.abs(next));
				h[t] = next;
			}
			if (change <= TOLERANCE * Math.max(size, 1e-300)) break;
		}
		return h;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}
}
