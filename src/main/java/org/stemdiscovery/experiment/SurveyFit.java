package org.stemdiscovery.experiment;

import org.stemdiscovery.image.Grid;

/**
 * A model fitted on the survey and what it says of the survey: for every candidate window, the values a
 * patch there would get ({@code model.names().size()} maps back to back on the candidate grid; NaN when the
 * model is not trained on the survey and has no opinion yet).
 */
public record SurveyFit(PatchModel model, float[] maps, Grid candidates) {

	public SurveyFit {
		if (maps.length != model.names().size() * candidates.size()) throw new IllegalArgumentException(maps.length +
			" survey values for " + model.names().size() + " maps of " + candidates.size() + " candidates");
	}

	public int count() {
		return model.names().size();
	}

	/** A copy of map {@code index} (0-based). */
	public float[] map(int index) {
		float[] out = new float[candidates.size()];
		System.arraycopy(maps, index * out.length, out, 0, out.length);
		return out;
	}
}
