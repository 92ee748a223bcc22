package org.stemdiscovery.bo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finished (or cancelled) experiment: its settings, the feature definition and every step. */
public record Run(BoSettings settings, int width, int height, double threshold, int featurePixels, List<StepRecord> steps) {

	public StepRecord last() {
		return steps.get(steps.size() - 1);
	}

	/** Points measured before reaching {@code share} of the feature; -1 if never reached. */
	public int pointsToDiscover(double share) {
		for (StepRecord s : steps)
			if (s.discovered() >= share) return s.points();
		return -1;
	}

	/** Total beam path in px. */
	public double pathLength() {
		return steps.stream().mapToDouble(StepRecord::pathLength).sum();
	}

	/**
	 * The step of diminishing returns: the first step from which no later step lowers the mean standard
	 * deviation by 1 % or more of its previous value (read from the end, so early jumps while the value scale
	 * is still being learnt do not end it too soon).
	 */
	public StepRecord diminishingReturns() {
		int s = steps.size() - 1;
		while (s > 0) {
			double prev = steps.get(s - 1).meanStd(), cur = steps.get(s).meanStd();
			if (prev - cur >= 0.01 * prev) break;
			s--;
		}
		return steps.get(s);
	}

	/** The run record: settings, feature definition, metrics per step and every point (x, y, value, step). */
	public Map<String, Object> toMap(String target) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "stem-discovery bo run 1");
		m.put("target", target);
		m.put("width", width);
		m.put("height", height);
		m.put("settings", settings.toMap());
		m.put("feature", Map.of("definition", "target > threshold; a feature pixel is discovered when a measured point " +
			"lies within the discovery radius (px, Euclidean, inclusive)", "threshold", threshold, "pixels", featurePixels,
			"radius", settings.effectiveDiscoveryRadius()));
		List<Object> stepList = new ArrayList<>(), points = new ArrayList<>();
		for (StepRecord s : steps) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("step", s.step());
			r.put("points", s.points());
			r.put("ssim", s.ssim());
			r.put("mean_std", s.meanStd());
			r.put("discovered", s.discovered());
			r.put("path_length", s.pathLength());
			r.put("compute_seconds", s.computeSeconds());
			r.put("instrument_seconds", s.instrumentSeconds());
			r.put("kernel", s.hyperparameters().kernel().toString());
			r.put("noise", s.hyperparameters().noise());
			stepList.add(r);
			for (int i = 0; i < s.x().length; i++)
				points.add(new double[] { s.x()[i], s.y()[i], s.values()[i], s.step() });
		}
		m.put("steps", stepList);
		m.put("points_columns", List.of("x", "y", "value", "step"));
		m.put("points", points);
		return m;
	}

	/** The columns of the per-step table, as the bo verb, Fiji's BO steps table and a workflow report write it. */
	public static final List<String> STEP_COLUMNS = List.of("step", "points", "ssim", "mean_std", "discovered",
		"path_length_px", "compute_ms", "instrument_s", "length_scale_px");

	/** One step's row of that table. */
	public static double[] stepRow(StepRecord r) {
		return new double[] { r.step(), r.points(), r.ssim(), r.meanStd(), r.discovered(), r.pathLength(), r
			.computeSeconds() * 1e3, r.instrumentSeconds(), r.hyperparameters().kernel().lengthScale() };
	}
}
