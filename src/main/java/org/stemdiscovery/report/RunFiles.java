package org.stemdiscovery.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;

/** The files of a BO run: per-step table, measured points, replayable JSON record, GP mean and std stacks. */
public final class RunFiles {

	public static final String STEPS = "steps.csv", POINTS = "points.csv", RUN = "run.json", MEAN = "mean.tif",
		STD = "std.tif";

	private RunFiles() {}

	/**
	 * @param extra more entries for run.json (e.g. the workflow's parameters), added after the run's own
	 */
	public static void write(Run run, String targetName, Path dir, Map<String, Object> extra) throws IOException {
		List<double[]> steps = new ArrayList<>(), points = new ArrayList<>();
		int w = run.width(), h = run.height(), n = run.steps().size();
		float[] mean = new float[w * h * n], std = new float[w * h * n];
		for (StepRecord r : run.steps()) {
			steps.add(new double[] { r.step(), r.points(), r.ssim(), r.meanStd(), r.discovered(), r.pathLength(),
				r.computeSeconds() * 1e3, r.instrumentSeconds(), r.hyperparameters().kernel().lengthScale() });
			for (int i = 0; i < r.x().length; i++)
				points.add(new double[] { r.x()[i], r.y()[i], r.values()[i], r.step() });
			if (r.mean() != null) {
				System.arraycopy(r.mean(), 0, mean, r.step() * w * h, w * h);
				System.arraycopy(r.std(), 0, std, r.step() * w * h, w * h);
			}
		}
		Csv.write(dir.resolve(STEPS), List.of("step", "points", "ssim", "mean_std", "discovered", "path_length_px",
			"compute_ms", "instrument_s", "length_scale_px"), steps);
		Csv.write(dir.resolve(POINTS), List.of("x", "y", "value", "step"), points);
		Map<String, Object> record = new LinkedHashMap<>(run.toMap(targetName));
		record.putAll(extra);
		Files.writeString(dir.resolve(RUN), Json.write(record));
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.bo.target", targetName);
		info.put("stemdiscovery.bo.settings", run.settings().label());
		Tiff.writeFloat(dir.resolve(MEAN), mean, w, h, n, info);
		Tiff.writeFloat(dir.resolve(STD), std, w, h, n, info);
	}
}
