package org.stemdiscovery.gp;

/** Squared exponential: {@code s·exp(−r²/(2ℓ²))}. Very smooth surfaces. */
public record Rbf(double variance, double lengthScale) implements Kernel {

	public Rbf {
		Kernel.check(variance, lengthScale);
	}

	@Override
	public String name() {
		return "rbf";
	}

	@Override
	public double at(double r2) {
		return variance * Math.exp(-0.5 * r2 / (lengthScale * lengthScale));
	}

	@Override
	public double[] logParameters() {
		return new double[] { Math.log(variance), Math.log(lengthScale) };
	}

	@Override
	public Kernel withLogParameters(double[] p) {
		return new Rbf(Math.exp(p[0]), Math.exp(p[1]));
	}

	@Override
	public void gradient(double r2, double[] out) {
		double k = at(r2);
		out[0] = k;
		out[1] = k * r2 / (lengthScale * lengthScale);
	}
}
