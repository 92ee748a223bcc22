package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.Sweep;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.LinePlot;

/** {@code stem-discovery sweep}: BO settings side by side on one target. */
final class SweepCommand implements Subcommand {

	static final String TABLE = "sweep.csv", SSIM_PNG = "ssim-vs-uncertainty.png", DISCOVERY_PNG = "discovery-vs-points.png";
	static final Set<String> FLAGS = Set.of("force");
	static final Set<String> VALUED = Set.of("target", "kernels", "acqs", "lengths", "seeds", "batch", "steps",
		"seed-points", "threshold", "radius", "path", "travel-cost", "batch-mode", "goal", "parallel", "out");

	@Override
	public String name() {
		return "sweep";
	}

	@Override
	public String summary() {
		return "BO sweep over kernels x acquisitions x length scales x seeds (sweep.csv and two PNG plots)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery sweep --target T.tif --out DIR [options]

			Runs one simulated BO experiment per combination and writes sweep.csv (one row per setting:
			points to reach 50/90/99 % discovery (-1 = not reached), SSIM and mean standard deviation at the
			plateau (the first step from which no later step lowers the mean std by 1 % or more), path length),
			ssim-vs-uncertainty.png and discovery-vs-points.png.

			  --kernels LIST       default rbf,matern52,rq
			  --acqs LIST          default ei,ucb,pi
			  --lengths LIST       length scales in px, 'fit' allowed (default 5,10)
			  --seeds LIST         default 0
			  --batch Q --steps N --seed-points N --batch-mode kb|lp --threshold otsu|V --radius PX
			  --path on|off --travel-cost L --goal max|min   as for 'bo'
			  --parallel P         runs at a time (default: all cores)
			  --force              replace existing outputs in DIR

			""" + BoCommand.DISCOVERED + "\n";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path target = args.path("target");
		Path dir = args.path("out");
		TiffImage img = BoCommand.readTarget(target);
		// the shared options, parsed by the bo command's rules
		List<String> boArgs = new ArrayList<>();
		for (String k : List.of("batch", "steps", "seed-points", "threshold", "radius", "path", "travel-cost", "batch-mode",
			"goal"))
			if (args.has(k)) {
				boArgs.add("--" + k);
				boArgs.add(args.string(k, ""));
			}
		BoSettings base = BoCommand.settings(new Args("sweep", boArgs.toArray(String[]::new), BoCommand.FLAGS,
			BoCommand.VALUED));
		List<String> kernels = list(args.string("kernels", "rbf,matern52,rq"));
		List<String> acqs = list(args.string("acqs", "ei,ucb,pi"));
		List<Double> lengths = new ArrayList<>();
		for (String l : list(args.string("lengths", "5,10")))
			lengths.add(l.equalsIgnoreCase("fit") ? Double.NaN : number("lengths", l));
		List<Long> seeds = new ArrayList<>();
		for (String s : list(args.string("seeds", "0")))
			seeds.add((long) number("seeds", s));
		List<BoSettings> settings = Sweep.grid(base, kernels, acqs, lengths, seeds);
		int parallel = args.integer("parallel", Runtime.getRuntime().availableProcessors());
		OutputFolder.prepare(dir, args.flag("force"), TABLE, SSIM_PNG, DISCOVERY_PNG);
		out.printf("%d runs of %d points on %s, %d at a time%n", settings.size(), base.totalPoints(), target.getFileName(),
			parallel);
		List<Sweep.Row> rows = Sweep.run(img.pixels(), img.width(), img.height(), settings, parallel, Progress.NONE);
		writeTable(rows, dir.resolve(TABLE));
		ImageIO.write(ssimPlot(rows).draw(900, 560), "png", dir.resolve(SSIM_PNG).toFile());
		ImageIO.write(discoveryPlot(rows).draw(900, 560), "png", dir.resolve(DISCOVERY_PNG).toFile());
		for (Sweep.Row r : rows)
			out.printf("%-32s 90%% at %5d points, plateau SSIM %.4f, path %.0f px, %.1f s%n", r.settings().label(),
				r.pointsTo90(), r.plateau().ssim(), r.pathLength(), r.seconds());
		out.println("-> " + dir);
		return 0;
	}

	private static List<String> list(String s) {
		List<String> l = Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
		if (l.isEmpty()) throw new InputException("empty list '" + s + "'; give comma-separated values");
		return l;
	}

	private static double number(String option, String v) {
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			throw new InputException("--" + option + ": '" + v + "' is not a number");
		}
	}

	static void writeTable(List<Sweep.Row> rows, Path file) throws IOException {
		StringBuilder sb = new StringBuilder();
		sb.append("# ").append(BoCommand.DISCOVERED).append('\n');
		sb.append(String.join(",", Sweep.COLUMNS)).append('\n');
		for (Sweep.Row r : rows) {
			Object[] v = Sweep.values(r);
			for (int i = 0; i < v.length; i++)
				sb.append(i > 0 ? "," : "").append(v[i]);
			sb.append('\n');
		}
		Files.writeString(file, sb.toString());
	}

	/** The paper's Figure 7: SSIM against mean uncertainty, one line per setting. */
	static LinePlot ssimPlot(List<Sweep.Row> rows) {
		LinePlot p = new LinePlot("SSIM vs mean uncertainty", "mean posterior std", "SSIM(mean, target)");
		for (Sweep.Row r : rows) {
			List<StepRecord> s = scaled(r.run().steps());
			p.add(r.settings().label(), s.stream().mapToDouble(StepRecord::meanStd).toArray(), s.stream().mapToDouble(
				StepRecord::ssim).toArray());
		}
		return p;
	}

	/**
	 * Steps whose uncertainty has a scale: with a single measured value the values' spread is unknown and the
	 * standard deviation is in standardised units (as scikit-learn's normalize_y), off the scale of the rest.
	 */
	static List<StepRecord> scaled(List<StepRecord> steps) {
		return steps.stream().filter(s -> s.points() >= 2).toList();
	}

	/** The paper's Figure 8: discovery against points measured. */
	static LinePlot discoveryPlot(List<Sweep.Row> rows) {
		LinePlot p = new LinePlot("Feature discovered vs points", "points measured", "share of feature discovered");
		for (Sweep.Row r : rows) {
			List<StepRecord> s = r.run().steps();
			p.add(r.settings().label(), s.stream().mapToDouble(StepRecord::points).toArray(), s.stream().mapToDouble(
				StepRecord::discovered).toArray());
		}
		return p;
	}
}
