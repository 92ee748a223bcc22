package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/** Upper confidence bound {@code μ + √β·σ} (lower bound {@code −μ + √β·σ} when minimising). */
public record UpperConfidenceBound(double beta, Goal goal) implements Acquisition {

	public UpperConfidenceBound {
		if (!(beta >= 0) || Double.isInfinite(beta)) throw new InputException("UCB beta " + beta + " must be ≥ 0; e.g. 4");
	}

	@Override
	public double score(double mean, double std, double best) {
		return goal.sign() * mean + Math.sqrt(beta) * std;
	}

	@Override
	public boolean nonDecreasingInStd() {
		return true;
	}

	@Override
	public String name() {
		return "ucb";
	}

	@Override
	public double parameter() {
		return beta;
	}
}
