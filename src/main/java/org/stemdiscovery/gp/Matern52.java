package org.stemdiscovery.gp;

/** Matérn ν = 5/2: {@code s·(1 + a + a²/3)·exp(−a)}, {@code a = √5·r/ℓ}. Twice differentiable surfaces. */
public record Matern52(double variance, double lengthScale) implements Kernel {

	private static final double SQRT5 = Math.sqrt(5);

	public Matern52 {
		Kernel.check(variance, lengthScale);
	}

	@Override
	public String name() {
		return "matern52";
	}

	@Override
	public double at(double r2) {
		double a = SQRT5 * Math.sqrt(r2) / lengthScale;
		return variance * (1 + a + a * a / 3) * Math.exp(-a);
	}

	@Override
	public double[] logParameters() {
		return new double[] { Math.log(variance), Math.log(lengthScale) };
	}

	@Override
	public Kernel withLogParameters(double[] p) {
		return new Matern52(Math.exp(p[0]), Math.exp(p[1]));
	}

	@Override
	public void gradient(double r2, double[] out) {
		double a = SQRT5 * Math.sqrt(r2) / lengthScale;
		double e = Math.exp(-a);
		out[0] = variance * (1 + a + a * a / 3) * e;
		out[1] = variance * a * a * (1 + a) / 3 * e; // dk/da · da/dlogℓ, da/dlogℓ = −a
	}
}
