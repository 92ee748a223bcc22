package org.stemdiscovery.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.workflow.AeWorkflow;
import org.stemdiscovery.workflow.CandidateMaps;
import org.stemdiscovery.workflow.MapMaker;
import org.stemdiscovery.workflow.WorkflowResult;

/**
 * The work of Run AE Workflow: descriptor maps, the target, the simulated experiment and, when a folder is
 * given, the report. The report folder is checked before any work, in every door.
 */
public final class WorkflowTask {

	/** Suffix of the target map; Info key naming the map that became the target. */
	public static final String TARGET = "target", MAP_KEY = "stemdiscovery.workflow.map";

	/** The run itself (for drawing on the image) and its neutral results. */
	public record Outcome(WorkflowResult workflow, Result result) {}

	private WorkflowTask() {}

	/**
	 * @param source  title or file name of the image, recorded in the target's Info and the report
	 * @param mask    ground-truth feature in image pixels (0/1), to judge the run against; null without one
	 * @param report  folder for the report; null for none
	 * @param replace whether the report may replace an earlier one in that folder
	 */
	public static Outcome run(float[] pixels, int width, int height, String source, byte[] mask, WorkflowParams params,
		Path report, boolean replace, Progress progress) {
		BoSettings bo = params.bo();
		if (report != null) WorkflowReport.checkFolder(report, replace);
		MapMaker maker = params.maker();
		WorkflowResult r = new AeWorkflow(maker, params.map(), bo).run(pixels, width, height, mask, progress);
		if (report != null) writeReport(report, source, pixels, width, height, r, maker, bo);

		CandidateMaps maps = r.maps();
		Map<String, String> info = new LinkedHashMap<>();
		info.put(FftTask.SOURCE_KEY, source);
		info.putAll(maps.grid().toProperties());
		info.put(MAP_KEY, maps.names().get(r.chosen()));
		FloatImage target = new FloatImage(TARGET, "target.tif", r.target(), maps.width(), maps.height(), 1, info);
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("workflow", r.workflow());
		meta.put("target", maps.names().get(r.chosen()));
		meta.put("chosenAutomatically", r.autoChosen());
		meta.put("points", r.run().last().points());
		meta.put("discovered", r.run().last().discovered());
		meta.put("ssim", r.run().last().ssim());
		if (r.truthDiscovered() != null) meta.put("groundTruthDiscovered", last(r.truthDiscovered()));
		return new Outcome(r, new Result(List.of(target), List.of(), meta, summary(source, r)));
	}

	private static void writeReport(Path dir, String source, float[] pixels, int width, int height, WorkflowResult r,
		MapMaker maker, BoSettings bo) {
		Map<String, Object> parameters = new LinkedHashMap<>(maker.parameters());
		parameters.put("bo", bo.toMap());
		try {
			Files.createDirectories(dir);
			WorkflowReport.write(dir, source, pixels, width, height, r, parameters);
		}
		catch (IOException e) {
			throw new InputException("cannot write the report into " + dir + ": " + e.getMessage());
		}
	}

	/** One line for the log or the terminal. */
	static String summary(String source, WorkflowResult r) {
		var last = r.run().last();
		return String.format(Locale.ROOT, "workflow %s on %s: target %s (%s, scores %s); %d points; feature discovered " +
			"%.1f%%%s; SSIM %.3f", r.workflow(), source, r.maps().names().get(r.chosen()), r.autoChosen()
				? "chosen automatically" : "chosen by you", scores(r.selection().scores()), last.points(), 100 * last
					.discovered(), r.truthDiscovered() == null ? "" : String.format(Locale.ROOT,
						"; ground-truth mask discovered %.1f%%", 100 * last(r.truthDiscovered())), last.ssim());
	}

	/** Selection scores to three significant digits: enough to see why a map was chosen. */
	private static String scores(double[] s) {
		return Arrays.stream(s).mapToObj(v -> String.format(Locale.ROOT, "%.3g", v)).toList().toString();
	}

	private static double last(double[] a) {
		return a[a.length - 1];
	}

	/** A 0/1 mask from a ground-truth image, which must have the image's size. */
	public static byte[] mask(float[] maskPixels, int maskWidth, int maskHeight, int width, int height, String name) {
		if (maskWidth != width || maskHeight != height || maskPixels.length != width * height)
			throw new InputException("the mask " + name + " is " + maskWidth + " x " + maskHeight + ", the image " + width +
				" x " + height + "; give a 0/1 mask of the image's size");
		byte[] out = new byte[maskPixels.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (byte) (maskPixels[i] > 0 ? 1 : 0);
		return out;
	}
}
