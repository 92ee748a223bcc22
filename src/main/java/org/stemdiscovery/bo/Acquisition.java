package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

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

	/** Builds one by name; {@code parameter} NaN picks the default (ξ 0.01, β 4). */
	static Acquisition of(String name, double parameter, Goal goal) {
		return switch (name.toLowerCase()) {
			case "ei" -> new ExpectedImprovement(Double.isNaN(parameter) ? 0.01 : parameter, goal);
			case "pi" -> new ProbabilityOfImprovement(Double.isNaN(parameter) ? 0.01 : parameter, goal);
			case "ucb" -> new UpperConfidenceBound(Double.isNaN(parameter) ? 4 : parameter, goal);
			default -> throw new InputException("acquisition '" + name + "' is unknown; choose ei, ucb or pi");
		};
	}
}
