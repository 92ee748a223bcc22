package org.stemdiscovery.link;

import org.stemdiscovery.experiment.ExperimentStep;

/** A finished batch as {@code measurements} reports it: the columns of the experiment's steps.csv, and the points. */
record StepSummary(int step, int measurements, int[] ids, double[] values, double meanStd, double electrons,
	double instrumentSeconds, double decisionMs, double encodeMs, double pathPx, double lengthScalePx) {

	static StepSummary of(ExperimentStep s) {
		return new StepSummary(s.step(), s.measurements(), s.ids(), s.values(), s.meanStd(), s.electrons(), s
			.instrumentSeconds(), s.decisionSeconds() * 1e3, s.encodeSeconds() * 1e3, s.pathPx(), s.hyperparameters()
				.kernel().lengthScale());
	}
}
