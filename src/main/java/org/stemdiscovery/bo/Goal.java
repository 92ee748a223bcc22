package org.stemdiscovery.bo;

import com.google.gson.annotations.SerializedName;

import org.stemdiscovery.image.Registry;

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

	/** The goals by their short names, with every spelling the BO options ever accepted. */
	public static final Registry<Goal> REGISTRY = Registry.<Goal>of("goal").add("max", MAXIMISE, "maximise", "maximize")
		.add("min", MINIMISE, "minimise", "minimize");

	public static Goal parse(String s) {
		return REGISTRY.get(s);
	}
}
