package org.stemdiscovery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.command.ExperimentTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentSession;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.ExperimentReport;
import org.stemdiscovery.report.RunFiles;

/**
 * {@code stem-discovery experiment}: {@link ExperimentTask} on a specimen TIFF (and a ground truth: points CSV or
 * mask TIFF, told apart by extension), rendered as TIFFs, CSVs, a report and, last, run.json.
 */
final class ExperimentVerb implements Verb {

	static final String DISCOVERY = "discovery.csv";

	@Override
	public Spec spec() {
		return ExperimentParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("specimen", "IMG.tif", "2-D grey-level TIFF the digital twin is made of " +
			"(its ImageJ calibration gives the pixel size)"), FileOption.optional("truth", "POINTS.csv|MASK.tif",
				"ground truth: a CSV of points (columns x, y in px, optionally class) or a 0/1 mask TIFF of the " +
					"specimen's size"));
	}

	@Override
	public List<String> outputs(Values values) {
		List<String> files = new ArrayList<>(List.of("survey.tif", "measured.tif", "dose.tif", RunFiles.MEAN,
			RunFiles.STD, RunFiles.STEPS, RunFiles.POINTS, DISCOVERY, RunFiles.RUN));
		files.addAll(ExperimentReport.FILES);
		return files;
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage specimen = call.plane("specimen");
		String name = call.file("specimen").getFileName().toString();
		ExperimentParams params = ExperimentParams.from(call.values());
		Features truth = truth(call, specimen, params.truthClass());
		long t0 = System.nanoTime();
		ExperimentListener log = new ExperimentListener() {
			@Override
			public void stepped(ExperimentSession session, ExperimentStep step) {
				call.println(ExperimentTask.stepLine(step));
			}
		};
		ExperimentTask.Outcome o = ExperimentTask.run(specimen.pixels(), specimen.width(), specimen.height(), Tiff
			.pixelSizeNm(call.file("specimen")), name, truth, params, Progress.NONE, log);
		Result r = o.result();
		Path out = call.out();
		for (String image : List.of(ExperimentTask.SURVEY, ExperimentTask.MEASURED, ExperimentTask.DOSE,
			ExperimentTask.MEAN, ExperimentTask.STD))
			ResultFiles.image(out, r.image(image));
		ResultFiles.table(out, RunFiles.STEPS, r.table(ExperimentTask.STEPS));
		ResultFiles.table(out, RunFiles.POINTS, r.table(ExperimentTask.POINTS));
		List<String[]> files = new ArrayList<>(List.of(new String[] { "survey.tif", "the survey, signal per electron" },
			new String[] { "measured.tif", "the measured patches on the frame (NaN where nothing was measured)" },
			new String[] { "dose.tif", "electrons per pixel" }, new String[] { RunFiles.MEAN,
				"GP mean on the candidate patch centres, one plane per batch" }, new String[] { RunFiles.STD,
					"GP uncertainty, the same" }, new String[] { RunFiles.STEPS, "one row per batch" }, new String[] {
						RunFiles.POINTS, "every measurement in beam order: patch centre in px and nm, value" }));
		if (truth != null) {
			ResultFiles.table(out, DISCOVERY, r.table(ExperimentTask.DISCOVERY));
			files.add(new String[] { DISCOVERY, "features found after each measurement, by BO, random patches, raster" });
		}
		else Files.deleteIfExists(out.resolve(DISCOVERY)); // a forced run must not leave an older run's curve
		files.add(new String[] { RunFiles.RUN, "the run's record and every parameter" });
		ExperimentReport.write(out, name, o.run(), r.summary(), files);
		if (truth == null) Files.deleteIfExists(out.resolve(ExperimentReport.DISCOVERY));
		Map<String, Object> record = new LinkedHashMap<>(r.metadata());
		record.put("parameters", call.values().map());
		if (truth != null) record.put("truth", call.file("truth").getFileName().toString());
		ResultFiles.json(out, RunFiles.RUN, record); // last: its presence says the run finished
		call.println(r.summary() + String.format(Locale.ROOT, "; %.1f s", (System.nanoTime() - t0) / 1e9));
		call.println("report: " + out.resolve(ExperimentReport.HTML).toAbsolutePath().normalize());
	}

	/** The ground truth: a CSV of points when the file ends in .csv, else a mask TIFF; null without --truth. */
	private static Features truth(Call call, TiffImage specimen, int truthClass) {
		Path p = call.file("truth");
		if (p == null) return null;
		String name = p.getFileName().toString();
		if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) return ExperimentTask.truthFromCsv(Csv.read(p), specimen
			.width(), specimen.height(), name, truthClass);
		TiffImage mask = call.plane("truth");
		return ExperimentTask.truthFromMask(mask.pixels(), mask.width(), mask.height(), specimen.width(), specimen
			.height(), name);
	}
}
