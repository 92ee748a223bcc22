package org.stemdiscovery.experiment;

import org.stemdiscovery.workflow.DescriptorSettings;

/**
 * What {@link PatchModels} builds a workflow's model from: the offline workflows' descriptor settings (the FFT's
 * window and step are replaced by the experiment's patch and candidate spacing) and when the rVAE learns.
 */
public record ModelSettings(DescriptorSettings descriptors, OnlineTraining online) {

	/** Survey training only, as the offline workflows. */
	public static ModelSettings of(DescriptorSettings descriptors) {
		return new ModelSettings(descriptors, OnlineTraining.surveyOnly());
	}
}
