package org.stemdiscovery.bo;

import com.google.gson.annotations.SerializedName;

/** Whether the experiment hunts for high target values (the bright feature, default) or low ones. */
public enum Goal {
	/** Run records name them in lower case. */
	@SerializedName("maximise")
	MAXIMISE,
	@SerializedName("minimise")
	MINIMISE;

	/** +1 for maximise, −1 for minimise: acquisitions work on {@code sign · value}. */
	public double sign() {
		return this == MAXIMISE ? 1 : -1;
	}

	public static Goal parse(String s) {
		return switch (s.toLowerCase()) {
			case "max", "maximise", "maximize" -> MAXIMISE;
			case "min", "minimise", "minimize" -> MINIMISE;
			default -> throw new org.stemdiscovery.image.InputException("goal '" + s + "' is unknown; choose maximise or minimise");
		};
	}
}
