package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/**
 * Expected improvement over the best measured value by at least ξ:
 * {@code (μ − y* − ξ)Φ(z) + σφ(z)}, {@code z = (μ − y* − ξ)/σ}; {@code max(μ − y* − ξ, 0)} where σ = 0.
 */
public record ExpectedImprovement(double xi, Goal goal) implements Acquisition {

	public ExpectedImprovement {
		if (!(xi >= 0) || Double.isInfinite(xi)) throw new InputException("EI xi " + xi + " must be ≥ 0; e.g. 0.01");
	}

	@Override
	public double score(double mean, double std, double best) {
		double s = goal.sign(), d = s * mean - s * best - xi;
		if (!(std > 0)) return Math.max(d, 0);
		double z = d / std;
		return d * Normal.cdf(z) + std * Normal.pdf(z);
	}

	@Override
	public boolean nonDecreasingInStd() {
		return true;
	}

	@Override
	public String name() {
		return "ei";
	}

	@Override
	public double parameter() {
		return xi;
	}
}
