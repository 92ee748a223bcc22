package org.stemdiscovery.experiment;

import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;

/** Fits a workflow's descriptor model on the survey. */
@FunctionalInterface
public interface ModelFitter {

	/**
	 * @param survey     the survey in signal per electron, row-major {@code width × height}
	 * @param candidates where patches may be measured: windows of the model's patch size at the candidate spacing
	 */
	SurveyFit fit(float[] survey, int width, int height, Grid candidates, Progress progress);
}
