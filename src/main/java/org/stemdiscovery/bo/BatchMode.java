package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/** How a batch of points is chosen from one posterior. */
public enum BatchMode {
	/**
	 * Sequential greedy: take the best candidate, pretend it was measured at its posterior mean (which leaves
	 * the mean unchanged and lowers the variance around it), rescore, repeat.
	 */
	KRIGING_BELIEVER,
	/** Take the best candidates in turn, skipping any within the exclusion radius of one already taken. */
	LOCAL_PENALISATION;

	public String id() {
		return this == KRIGING_BELIEVER ? "kb" : "lp";
	}

	public static BatchMode parse(String s) {
		return switch (s.toLowerCase()) {
			case "kb", "kriging-believer", "kriging believer" -> KRIGING_BELIEVER;
			case "lp", "local-penalisation", "local penalisation", "penalise" -> LOCAL_PENALISATION;
			default -> throw new InputException("batch mode '" + s + "' is unknown; choose kb (kriging believer) or lp " +
				"(local penalisation)");
		};
	}
}
