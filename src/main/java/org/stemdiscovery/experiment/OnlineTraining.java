package org.stemdiscovery.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.stemdiscovery.image.InputException;

/**
 * When the rVAE of workflows 2 and 3 learns: on the survey before the first measurement, and/or during discovery
 * on the patches measured so far (the paper's approach, where no survey-sized training set exists). A separate
 * record so that {@link org.stemdiscovery.workflow.DescriptorSettings} keeps its offline meaning.
 *
 * @param surveyTraining train on the survey first (its maps then become the GP prior); off: the fitter has no
 *                       opinion (NaN maps) and the rVAE first trains on the first batch
 * @param retrainEvery   warm-start training every this many batches on all patches measured so far; 0 = never
 * @param epochs         epochs of each training during discovery (a few: the model starts warm)
 */
public record OnlineTraining(boolean surveyTraining, int retrainEvery, int epochs) {

	public OnlineTraining {
		if (retrainEvery < 0) throw new InputException("retrain every " + retrainEvery + " batches must be 0 (never) " +
			"or more, e.g. 1");
		if (epochs < 1) throw new InputException("epochs per retraining " + epochs + " must be at least 1, e.g. 10");
		if (!surveyTraining && retrainEvery == 0) throw new InputException("with survey training off the rVAE would " +
			"never train; retrain every 1 or more batches, or turn survey training on");
	}

	/** Trained on the survey only, as the offline workflows. */
	public static OnlineTraining surveyOnly() {
		return new OnlineTraining(true, 0, 10);
	}

	/** No survey training: trained on the first batch, then every {@code every} batches for {@code epochs}. */
	public static OnlineTraining duringDiscovery(int every, int epochs) {
		return new OnlineTraining(false, every, epochs);
	}

	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("surveyTraining", surveyTraining);
		m.put("retrainEvery", retrainEvery);
		m.put("retrainEpochs", epochs);
		return m;
	}
}
