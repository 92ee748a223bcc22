package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.Sweep;
import org.stemdiscovery.image.Progress;

/**
 * The work of BO Sweep: one simulated run per kernel × acquisition × length × seed, several at a time; the
 * table with one row per setting, and the two summary plots as curves each door draws.
 */
public final class SweepTask {

	/** Title of the table. */
	public static final String TABLE = "BO sweep";

	/** One line of a plot. */
	public record Curve(String label, double[] x, double[] y) {}

	/** A plot to draw: the paper's Figure 7 (SSIM against uncertainty) or Figure 8 (discovery against points). */
	public record Plot(String title, String xLabel, String yLabel, List<Curve> curves) {}

	private SweepTask() {}

	/** Every setting of the sweep, in kernel, acquisition, length, seed order. */
	public static List<BoSettings> settings(SweepParams p) {
		return Sweep.grid(p.base().settings(), p.kernels(), p.acquisitions(), p.lengths(), p.seeds());
	}

	/** Runs every setting; rows in the order of {@link #settings}. */
	public static List<Sweep.Row> simulate(float[] target, int width, int height, SweepParams p, Progress progress) {
		return Sweep.run(target, width, height, settings(p), Threads.resolve(p.parallel()), progress);
	}

	/** The sweep table ({@link Sweep#COLUMNS}), the target's name in the metadata. */
	public static Result result(List<Sweep.Row> rows, String targetName) {
		Table.Builder t = Table.builder(TABLE, Sweep.COLUMNS.toArray(String[]::new));
		for (Sweep.Row r : rows)
			t.row(Sweep.values(r));
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("target", targetName);
		meta.put("runs", rows.size());
		return new Result(List.of(), List.of(t.build()), meta, rows.size() + " runs on " + targetName);
	}

	/** One line per setting, as the command line prints them. */
	public static String rowLine(Sweep.Row r) {
		return String.format(Locale.ROOT, "%-32s 90%% at %5d points, plateau SSIM %.4f, path %.0f px, %.1f s", r.settings()
			.label(), r.pointsTo90(), r.plateau().ssim(), r.pathLength(), r.seconds());
	}

	/**
	 * SSIM against mean uncertainty, one line per setting. Steps with a single measured value are left out:
	 * the values' spread is unknown then and the standard deviation is in standardised units (as
	 * scikit-learn's normalize_y), off the scale of the rest.
	 */
	public static Plot ssimPlot(List<Sweep.Row> rows) {
		List<Curve> c = new ArrayList<>();
		for (Sweep.Row r : rows) {
			List<StepRecord> s = r.run().steps().stream().filter(x -> x.points() >= 2).toList();
			c.add(new Curve(r.settings().label(), s.stream().mapToDouble(StepRecord::meanStd).toArray(), s.stream()
				.mapToDouble(StepRecord::ssim).toArray()));
		}
		return new Plot("SSIM vs mean uncertainty", "mean posterior std", "SSIM(GP mean, target)", c);
	}

	/** Share of the feature discovered against points measured, one line per setting. */
	public static Plot discoveryPlot(List<Sweep.Row> rows) {
		List<Curve> c = new ArrayList<>();
		for (Sweep.Row r : rows) {
			List<StepRecord> s = r.run().steps();
			c.add(new Curve(r.settings().label(), s.stream().mapToDouble(StepRecord::points).toArray(), s.stream()
				.mapToDouble(StepRecord::discovered).toArray()));
		}
		return new Plot("Discovery vs points", "points measured", "share of feature discovered", c);
	}
}
