package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.Progress;

/**
 * Runs a session against a microscope until the budget is spent: survey, fit the model, then measure batch after
 * batch. The ground truth, when there is one, judges the run from outside: the session never sees it.
 */
public final class MeasuredExperiment {

	private final ExperimentSettings settings;
	private final boolean keepMaps;

	public MeasuredExperiment(ExperimentSettings settings, boolean keepMaps) {
		this.settings = settings;
		this.keepMaps = keepMaps;
	}

	/**
	 * @param truth  ground truth to score the run and the baselines against; null for none
	 * @param listener a live view; may be null
	 */
	public ExperimentRun run(Microscope scope, ModelFitter fitter, Features truth, Progress progress,
		ExperimentListener listener) {
		int w = scope.width(), h = scope.height();
		settings.checkField(w, h);
		try (ExperimentSession session = new ExperimentSession(settings, w, h, scope.pixelSizeNm()).keepMaps(keepMaps)) {
			progress.report(0, "survey at " + settings.surveyDwellUs() + " µs per pixel");
			Frame survey = scope.survey(session.surveyDwellUs(), settings.surveyBinning());
			session.begin(survey, fitter, progress);
			if (listener != null) listener.surveyed(session);
			Features.Counter counter = truth == null ? null : truth.counter();
			List<Integer> found = new ArrayList<>();
			float[] mosaic = new float[w * h];
			java.util.Arrays.fill(mosaic, Float.NaN);
			try {
				for (List<PatchRequest> batch = session.next(); !batch.isEmpty(); batch = session.next()) {
					progress.checkCancelled();
					progress.report(0.1 + 0.9 * session.measured() / settings.budget(), "measured " + session.measured() +
						" of " + settings.budget());
					List<Measurement> ms = scope.acquire(batch);
					ExperimentStep step = session.measure(ms, progress);
					if (step == null) throw new IllegalStateException("the microscope returned " + ms.size() + " of " + batch
						.size() + " patches");
					for (int i = 0; i < ms.size(); i++) {
						Measurement m = ms.get(i);
						if (counter != null) found.add(counter.add(m.left(), m.top(), m.size()));
						place(mosaic, w, h, m);
					}
					if (listener != null) listener.stepped(session, step);
				}
			}
			catch (CancelledException e) {
				if (session.steps().isEmpty()) throw e;
			}
			double dosePerPixel = scope.electronsPerMicrosecond() * settings.dwellUs();
			int[] random = truth == null ? null : Baselines.random(truth, session.candidates(), settings.budget(), settings
				.bo().seed());
			int[] raster = truth == null ? null : Baselines.serpentine(truth, session.candidates(), settings.budget());
			return ExperimentRun.of(session, dosePerPixel, mosaic, truth == null ? null : found.stream().mapToInt(
				Integer::intValue).toArray(), random, raster, truth == null ? 0 : truth.count());
		}
	}

	/** Copies a patch into the mosaic in signal per electron (the part inside the field). */
	private static void place(float[] mosaic, int w, int h, Measurement m) {
		for (int y = 0; y < m.size(); y++)
			for (int x = 0; x < m.size(); x++) {
				int fx = m.left() + x, fy = m.top() + y;
				if (fx >= 0 && fy >= 0 && fx < w && fy < h) mosaic[fy * w + fx] = (float) (m.pixels()[y * m.size() + x] / m
					.dosePerPixel());
			}
	}
}
