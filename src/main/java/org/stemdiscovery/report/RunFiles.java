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

/**
 * The files of a BO run inside a workflow report: per-step table, measured points, replayable JSON record, GP
 * mean and std stacks. The file names, the Info keys and the steps table ({@link Run#STEP_COLUMNS}) are the ones
 * the bo verb writes too.
 */
public final class RunFiles {

	public static final String STEPS = "steps.csv", POINTS = "points.csv", RUN = "run.json",
		MEAN = "mean.tif", STD = "std.tif";
	/** Info keys of the mean and std stacks. */
	public static final String TARGET_KEY = "stemdiscovery.bo.target", SETTINGS_KEY = "stemdiscovery.bo.settings";

	private RunFiles() {}

	/**
	 * @param extra more entries for run.json (e.g. the workflow's parameters), added after the run's own
	 */
	public static void write(Run run, String targetName, Path dir, Map<String, Object> extra) throws IOException {
		List<double[]> points = new ArrayList<>();
		int w = run.width(), h = run.height(), n = run.steps().size();
		float[] mean = new float[w * h * n], std = new float[w * h * n];
		for (StepRecord r : run.steps()) {
			for (int i = 0; i < r.x().length; i++)
				points.add(new double[] { r.x()[i], r.y()[i], r.values()[i], r.step() });
			if (r.mean() != null) {
				System.arraycopy(r.mean(), 0, mean, r.step() * w * h, w * h);
				System.arraycopy(r.std(), 0, std, r.step() * w * h, w * h);
			}
		}
		Csv.write(dir.resolve(STEPS), Run.STEP_COLUMNS, run.steps().stream().map(Run::stepRow).toList());
		Csv.write(dir.resolve(POINTS), List.of("x", "y", "value", "step"), points);
		Map<String, Object> record = new LinkedHashMap<>(run.toMap(targetName));
		record.putAll(extra);
		Files.writeString(dir.resolve(RUN), Json.write(record));
		Map<String, String> info = new LinkedHashMap<>();
		info.put(TARGET_KEY, targetName);
		info.put(SETTINGS_KEY, run.settings().label());
		Tiff.writeFloat(dir.resolve(MEAN), mean, w, h, n, info);
		Tiff.writeFloat(dir.resolve(STD), std, w, h, n, info);
	}
}
