package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/** Probability of improving on the best measured value by at least ξ: {@code Φ((μ − y* − ξ)/σ)}. */
public record ProbabilityOfImprovement(double xi, Goal goal) implements Acquisition {

	public ProbabilityOfImprovement {
		if (!(xi >= 0) || Double.isInfinite(xi)) throw new InputException("PI xi " + xi + " must be ≥ 0; e.g. 0.01");
	}

	@Override
	public double score(double mean, double std, double best) {
		double s = goal.sign(), d = s * mean - s * best - xi;
		if (!(std > 0)) return d > 0 ? 1 : 0;
		return Normal.cdf(d / std);
	}

	@Override
	public String name() {
		return "pi";
	}

	@Override
	public double parameter() {
		return xi;
	}
}
