package org.stemdiscovery.gp;

/**
 * Rational quadratic: {@code s·(1 + r²/(2αℓ²))^(−α)}, a scale mixture of RBFs; α → ∞ gives the RBF.
 * Parameters: variance, length scale, α.
 */
public record RationalQuadratic(double variance, double lengthScale, double alpha) implements Kernel {

	public RationalQuadratic {
		Kernel.check(variance, lengthScale);
		if (!(alpha > 0) || Double.isInfinite(alpha))
			throw new IllegalArgumentException("rational-quadratic alpha " + alpha + " must be positive; choose e.g. 1");
	}

	@Override
	public String name() {
		return "rq";
	}

	@Override
	public double at(double r2) {
		return variance * Math.pow(1 + r2 / (2 * alpha * lengthScale * lengthScale), -alpha);
	}

	@Override
	public double[] logParameters() {
		return new double[] { Math.log(variance), Math.log(lengthScale), Math.log(alpha) };
	}

	@Override
	public Kernel withLogParameters(double[] p) {
		return new RationalQuadratic(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]));
	}

	@Override
	public void gradient(double r2, double[] out) {
		double u = r2 / (2 * alpha * lengthScale * lengthScale), base = 1 + u;
		double k = variance * Math.pow(base, -alpha);
		out[0] = k;
		out[1] = k * r2 / (lengthScale * lengthScale * base);
		out[2] = k * alpha * (u / base - Math.log(base));
	}
}
