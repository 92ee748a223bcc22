package org.stemdiscovery.bo;

import com.google.gson.annotations.SerializedName;

import org.stemdiscovery.image.Registry;

/** How a batch of points is chosen from one posterior. */
public enum BatchMode {
	/**
	 * Sequential greedy: take the best candidate, pretend it was measured at its posterior mean (which leaves
	 * the mean unchanged and lowers the variance around it), rescore, repeat.
	 */
	@SerializedName("kb")
	KRIGING_BELIEVER,
	/** Take the best candidates in turn, skipping any within the exclusion radius of one already taken. */
	@SerializedName("lp")
	LOCAL_PENALISATION;

	public String id() {
		return this == KRIGING_BELIEVER ? "kb" : "lp";
	}

	/** The batch modes by their short names, every door's choices (longer spellings accepted). */
	public static final Registry<BatchMode> REGISTRY = Registry.<BatchMode>of("batch mode")
		.add("kb", KRIGING_BELIEVER, "kriging-believer", "kriging believer")
		.add("lp", LOCAL_PENALISATION, "local-penalisation", "local penalisation", "penalise");

	public static BatchMode parse(String s) {
		return REGISTRY.get(s);
	}
}
