package org.stemdiscovery.gp;

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

	/** Builds a kernel by name ({@code rbf}, {@code matern52}, {@code rq}); {@code alpha} only matters for rq. */
	static Kernel of(String name, double variance, double length, double alpha) {
		return switch (name.toLowerCase()) {
			case "rbf" -> new Rbf(variance, length);
			case "matern52", "matern" -> new Matern52(variance, length);
			case "rq" -> new RationalQuadratic(variance, length, alpha);
			default -> throw new IllegalArgumentException("kernel '" + name + "' is unknown; choose rbf, matern52 or rq");
		};
	}

	/** Checks the parameters shared by all kernels. */
	static void check(double variance, double length) {
		if (!(variance > 0) || Double.isInfinite(variance))
			throw new IllegalArgumentException("kernel variance " + variance + " must be a positive number");
		if (!(length > 0) || Double.isInfinite(length))
			throw new IllegalArgumentException("length scale " + length + " px must be positive; choose e.g. 5");
	}
}
