package org.stemdiscovery.gp;

import org.stemdiscovery.image.Registry;

/**
 * A stationary, isotropic covariance function of the distance between two pixels, with a signal variance
 * and a length scale in pixels. Parameters travel as natural logarithms so that an optimiser can move them
 * freely and they stay positive.
 */
public interface Kernel {

	/** Short name used in settings, tables and run records: {@code rbf}, {@code matern52}, {@code rq}. */
	String name();

	double variance();

	/** Length scale in pixels. */
	double lengthScale();

	/** Covariance of two points {@code sqrt(r2)} pixels apart. */
	double at(double r2);

	/** Natural logarithms of the parameters: variance, length scale, then any shape parameters. */
	double[] logParameters();

	/** The same kind of kernel with new log-parameters (same order as {@link #logParameters()}). */
	Kernel withLogParameters(double[] p);

	/** Derivatives of {@link #at} with respect to each log-parameter, written into {@code out}. */
	void gradient(double r2, double[] out);

	/** Same kernel with another length scale (other parameters kept). */
	default Kernel withLengthScale(double length) {
		double[] p = logParameters();
		p[1] = Math.log(length);
		return withLogParameters(p);
	}

	/** Same kernel with another variance. */
	default Kernel withVariance(double variance) {
		double[] p = logParameters();
		p[0] = Math.log(variance);
		return withLogParameters(p);
	}

	/** Makes a kernel from its variance, length scale (px) and shape parameter (used by rq only). */
	interface Factory {
		Kernel make(double variance, double length, double alpha);
	}

	/**
	 * The kernels every door offers, by name (older spellings as aliases). A new kernel is its class plus one
	 * line here.
	 */
	Registry<Factory> REGISTRY = Registry.<Factory>of("kernel")
		.add("rbf", (v, l, a) -> new Rbf(v, l))
		.add("matern52", (v, l, a) -> new Matern52(v, l), "matern")
		.add("rq", RationalQuadratic::new);

	/**
	 * Builds a registered kernel by name; {@code alpha} only matters for rq. An unknown name is an
	 * {@link org.stemdiscovery.image.InputException} naming the valid ones.
	 */
	static Kernel of(String name, double variance, double length, double alpha) {
		return REGISTRY.get(name).make(variance, length, alpha);
	}

	/** Checks the parameters shared by all kernels. */
	static void check(double variance, double length) {
		if (!(variance > 0) || Double.isInfinite(variance))
			throw new IllegalArgumentException("kernel variance " + variance + " must be a positive number");
		if (!(length > 0) || Double.isInfinite(length))
			throw new IllegalArgumentException("length scale " + length + " px must be positive; choose e.g. 5");
	}
}
