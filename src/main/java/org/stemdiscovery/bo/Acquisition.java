package org.stemdiscovery.bo;

import org.stemdiscovery.image.Registry;

/**
 * Scores a candidate from its posterior mean and standard deviation, given the best value measured so far
 * (highest when maximising, lowest when minimising). Higher scores are measured first.
 */
public interface Acquisition {

	double score(double mean, double std, double best);

	/** {@code ei}, {@code ucb} or {@code pi}. */
	String name();

	/** ξ for EI and PI, β for UCB. */
	double parameter();

	Goal goal();

	/**
	 * True when the score never rises as the standard deviation falls at a fixed mean (EI, UCB): then a score
	 * computed before a fantasy is an upper bound after it, which lets the selector rescore lazily.
	 */
	default boolean nonDecreasingInStd() {
		return false;
	}

	/** Makes an acquisition function from its parameter (NaN = its default) and the goal. */
	interface Factory {
		Acquisition make(double parameter, Goal goal);
	}

	/** The acquisition functions every door offers; a new one is its class plus one line here. */
	Registry<Factory> REGISTRY = Registry.<Factory>of("acquisition")
		.add("ei", (p, g) -> new ExpectedImprovement(Double.isNaN(p) ? 0.01 : p, g))
		.add("ucb", (p, g) -> new UpperConfidenceBound(Double.isNaN(p) ? 4 : p, g))
		.add("pi", (p, g) -> new ProbabilityOfImprovement(Double.isNaN(p) ? 0.01 : p, g));

	/** Builds one by name; {@code parameter} NaN picks the default (ξ 0.01, β 4). */
	static Acquisition of(String name, double parameter, Goal goal) {
		return REGISTRY.get(name).make(parameter, goal);
	}
}
