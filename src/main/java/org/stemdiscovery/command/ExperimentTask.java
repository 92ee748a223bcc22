package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentSettings;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.experiment.MeasuredExperiment;
import org.stemdiscovery.experiment.ModelFitter;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;

/**
 * The work of Run Experiment (Digital Twin): the specimen becomes a {@link DigitalTwin}, a
 * {@link MeasuredExperiment} surveys and measures it, and the run is turned into neutral results: the survey,
 * the measured patches on the frame, the dose map, the GP mean and uncertainty after every batch, the steps, the
 * points (px and nm) and, with a ground truth, features found against the baselines.
 */
public final class ExperimentTask {

	public static final String STEPS = "Experiment Steps", POINTS = "Experiment Points",
		DISCOVERY = "Experiment Discovery";
	public static final String SURVEY = "survey", MEASURED = "measured", DOSE = "dose", MEAN = "mean", STD = "std";

	/** The run itself (for drawing) and its neutral results. */
	public record Outcome(ExperimentRun run, Result result) {}

	private ExperimentTask() {}

	/**
	 * @param pixelSizeNm the image's calibration (NaN when it has none); the parameter {@code pixel-size} overrides it
	 * @param truth       ground truth to judge the run by; null for none
	 * @param listener    a live view; may be null
	 */
	public static Outcome run(float[] specimen, int width, int height, double pixelSizeNm, String source,
		Features truth, ExperimentParams params, Progress progress, ExperimentListener listener) {
		ExperimentSettings settings = params.settings();
		settings.checkField(width, height);
		double nm = Double.isNaN(params.pixelSize()) ? pixelSizeNm : params.pixelSize();
		ModelFitter fitter = params.fitter();
		DigitalTwin twin = new DigitalTwin(specimen, width, height, nm, params.twin(), params.seed() + 1L);
		ExperimentRun run = new MeasuredExperiment(settings, true).run(twin, fitter, truth, progress, listener);
		return new Outcome(run, result(run, source));
	}

	static Result result(ExperimentRun run, String source) {
		int w = run.width(), h = run.height();
		Grid g = run.candidates();
		Map<String, String> info = new LinkedHashMap<>();
		info.put(FftTask.SOURCE_KEY, source);
		List<FloatImage> images = new ArrayList<>();
		images.add(new FloatImage(SURVEY, "survey.tif", run.survey(), w, h, 1, info));
		images.add(new FloatImage(MEASURED, "measured.tif", run.mosaic(), w, h, 1, info));
		images.add(new FloatImage(DOSE, "dose.tif", run.dose().toFloats(), w, h, 1, info));
		int n = run.steps().size(), m = g.size();
		float[] mean = new float[n * m], std = new float[n * m];
		for (int s = 0; s < n; s++) {
			ExperimentStep st = run.steps().get(s);
			if (st.mean() != null) System.arraycopy(st.mean(), 0, mean, s * m, m);
			if (st.std() != null) System.arraycopy(st.std(), 0, std, s * m, m);
		}
		Map<String, String> gridInfo = new LinkedHashMap<>(info);
		gridInfo.putAll(g.toProperties());
		images.add(new FloatImage(MEAN, "mean.tif", mean, g.cols(), g.rows(), n, gridInfo));
		images.add(new FloatImage(STD, "std.tif", std, g.cols(), g.rows(), n, gridInfo));
		List<Table> tables = new ArrayList<>(List.of(steps(run), points(run)));
		if (run.found() != null) tables.add(discovery(run));
		return new Result(images, tables, metadata(run, source), summary(run, source));
	}

	/** One row per batch. */
	public static Table steps(ExperimentRun run) {
		Table.Builder t = Table.builder(STEPS, "step", "measurements", "found", "found_share", "random_found",
			"raster_found", "electrons", "dose_vs_raster", "instrument_s", "decision_ms", "encode_ms", "path_px",
			"length_scale_px");
		for (ExperimentStep s : run.steps()) {
			int k = s.measurements() - 1;
			t.row(s.step(), s.measurements(), run.found() == null ? null : run.found()[k], run.found() == null ? null
				: (double) run.found()[k] / run.features(), run.randomFound() == null ? null : run.randomFound()[Math.min(k,
					run.randomFound().length - 1)], run.rasterFound() == null ? null : run.rasterFound()[Math.min(k, run
						.rasterFound().length - 1)], s.electrons(), s.electrons() / run.rasterElectrons(), s.instrumentSeconds(),
				s.decisionSeconds() * 1e3, s.encodeSeconds() * 1e3, s.pathPx(), s.hyperparameters().kernel().lengthScale());
		}
		return t.build();
	}

	/** Every measurement, in beam order, at its patch centre in px and nm. */
	public static Table points(ExperimentRun run) {
		Table.Builder t = Table.builder(POINTS, "id", "step", "x_px", "y_px", "x_nm", "y_nm", "value");
		double nm = run.pixelSizeNm();
		for (double[] p : run.points())
			t.row((int) p[0], (int) p[1], p[2], p[3], Double.isNaN(nm) ? null : p[2] * nm, Double.isNaN(nm) ? null : p[3] *
				nm, p[4]);
		return t.build();
	}

	/** Features found after each measurement, by BO and by the baselines, and the dose so far. */
	public static Table discovery(ExperimentRun run) {
		Table.Builder t = Table.builder(DISCOVERY, "measurements", "found", "random_found", "raster_found", "electrons",
			"dose_vs_raster");
		for (int k = 0; k < run.found().length; k++) {
			double e = run.electronsAfter(k + 1);
			t.row(k + 1, run.found()[k], k < run.randomFound().length ? run.randomFound()[k] : null, k < run.rasterFound()
				.length ? run.rasterFound()[k] : null, e, e / run.rasterElectrons());
		}
		return t.build();
	}

	/** The run's record as run.json holds it, less what only the door knows (its parameters, the truth's file). */
	public static Map<String, Object> metadata(ExperimentRun run, String source) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "stem-discovery experiment run 1");
		m.put("source", source);
		m.put("width", run.width());
		m.put("height", run.height());
		m.put("pixelSizeNm", Double.isNaN(run.pixelSizeNm()) ? null : run.pixelSizeNm());
		m.put("values", run.names());
		m.put("target", run.names().get(run.target()));
		m.put("model", run.modelDetails());
		m.put("measurements", run.measurements());
		m.put("surveyElectrons", run.surveyElectrons());
		m.put("electrons", run.electrons());
		m.put("fullRasterElectrons", run.rasterElectrons());
		m.put("doseVsFullRaster", run.electrons() / run.rasterElectrons());
		m.put("instrumentSeconds", run.instrumentSeconds());
		m.put("fullRasterSeconds", run.rasterSeconds());
		if (run.found() != null) {
			m.put("features", run.features());
			m.put("found", run.found()[run.found().length - 1]);
			for (double share : new double[] { 0.9, 1.0 }) {
				String key = share == 1 ? "All" : "90";
				m.put("measurementsToFind" + key, run.measurementsToFind(share));
				m.put("randomToFind" + key, run.randomToFind(share));
				m.put("rasterToFind" + key, run.rasterToFind(share));
			}
		}
		return m;
	}

	/** One line per batch for a log: what was measured, what it cost, how the decision went. */
	public static String stepLine(ExperimentStep s) {
		return String.format(Locale.ROOT, "batch %3d: %4d measurements, electrons %.4g, instrument %.3f s, mean std %.4g, " +
			"decision %.1f ms", s.step(), s.measurements(), s.electrons(), s.instrumentSeconds(), s.meanStd(), s
				.decisionSeconds() * 1e3);
	}

	static String summary(ExperimentRun run, String source) {
		ExperimentStep last = run.last();
		String found = run.found() == null ? "" : String.format(Locale.ROOT, "; found %d of %d features (random " +
			"patches %d, raster %d)", run.found()[run.found().length - 1], run.features(), run.randomFound()[run.randomFound()
				.length - 1], run.rasterFound()[run.rasterFound().length - 1]);
		return String.format(Locale.ROOT, "experiment on %s: steered by %s; %d measurements of %d px%s; dose %.1f%% of a " +
			"full raster, instrument time %.2f s (full raster %.2f s)", source, run.names().get(run.target()), last
				.measurements(), run.settings().patch(), found, 100 * last.electrons() / run.rasterElectrons(), last
					.instrumentSeconds(), run.rasterSeconds());
	}

	/**
	 * Ground truth from a CSV of points: columns {@code x} and {@code y} in px (x = column), optionally {@code class};
	 * with {@code class}, only rows of class {@code truthClass} count (every row when it is negative).
	 */
	public static Features truthFromCsv(Csv.Table table, int width, int height, String name, int truthClass) {
		for (String c : table.header())
			if (!List.of("x", "y", "class").contains(c)) throw new InputException("the truth table " + name + " has a " +
				"column '" + c + "'; it takes x and y in px (and optionally class)");
		int xi = table.column("x"), yi = table.column("y"), ci = table.header().indexOf("class");
		if (ci < 0 && truthClass >= 0) throw new InputException("the truth table " + name + " has no class column, so " +
			"truth-class " + truthClass + " selects nothing; leave truth-class at -1 or add a class column");
		List<double[]> rows = table.rows().stream().filter(r -> ci < 0 || truthClass < 0 || r[ci] == truthClass)
			.toList();
		double[] x = new double[rows.size()], y = new double[rows.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = rows.get(i)[xi];
			y[i] = rows.get(i)[yi];
		}
		return Features.points(x, y, width, height);
	}

	/** Ground truth from a 0/1 mask of the specimen's size. */
	public static Features truthFromMask(float[] mask, int maskWidth, int maskHeight, int width, int height,
		String name) {
		byte[] b = WorkflowTask.mask(mask, maskWidth, maskHeight, width, height, name);
		boolean[] m = new boolean[b.length];
		for (int i = 0; i < m.length; i++)
			m[i] = b[i] != 0;
		return Features.mask(m, width, height);
	}
}
