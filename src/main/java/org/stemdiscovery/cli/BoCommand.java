package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.SimulatedMicroscope;
import org.stemdiscovery.bo.TimeModel;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.report.RunFiles;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery bo}: a simulated Bayesian-optimisation experiment on a target map. */
final class BoCommand implements Subcommand {

	static final String STEPS = RunFiles.STEPS, POINTS = RunFiles.POINTS, RUN = RunFiles.RUN, MEAN = RunFiles.MEAN,
		STD = RunFiles.STD;
	static final Set<String> FLAGS = Set.of("force");
	static final Set<String> VALUED = Set.of("target", "kernel", "acq", "acq-param", "length", "rq-alpha", "batch", "steps",
		"seed", "seed-points", "threshold", "radius", "path", "travel-cost", "batch-mode", "exclusion", "goal",
		"measurement-noise", "noise", "threads", "out");

	/** Definition of "discovered", printed in help texts and table headers. */
	static final String DISCOVERED = "discovered = share of feature pixels (target > threshold; Otsu by default) that " +
		"lie within r px (Euclidean, inclusive; default r = the kernel length scale) of a measured point";

	@Override
	public String name() {
		return "bo";
	}

	@Override
	public String summary() {
		return "simulated Bayesian optimisation on a target map (steps.csv, points.csv, run.json, mean.tif, std.tif)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery bo --target T.tif --out DIR [options]

			Simulates an automated experiment: a microscope reveals the target only where the beam goes; a
			Gaussian process over every pixel and an acquisition function choose each batch of points, which
			is ordered for a short beam path.

			  --target PATH        2-D target map TIFF (the quantity to discover, bright = interesting)
			  --out DIR            writes steps.csv, points.csv, run.json (replayable record), mean.tif and
			                       std.tif (GP mean and standard deviation after every step, one plane each)
			  --kernel NAME        rbf | matern52 (default) | rq
			  --length PX|fit      kernel length scale in px (default 5) or 'fit' (marginal likelihood,
			                       refitted every step, starting from 10 px)
			  --rq-alpha A         alpha of the rq kernel (default 1)
			  --acq NAME           ei (default) | ucb | pi
			  --acq-param V        xi of ei/pi (default 0.01, in target units), beta of ucb (default 4)
			  --goal max|min       look for high (default) or low target values
			  --batch Q            points per step (default 10)
			  --steps N            steps after the seed points (default 30)
			  --seed S             seed of all randomness (default 0)
			  --seed-points N      1 = one seed point (default; the centre for seed 0) or N x N grid of seeds
			  --batch-mode kb|lp   kriging believer (default) or local penalisation
			  --exclusion PX       local-penalisation radius (default: the length scale)
			  --threshold otsu|V   feature of interest = target above this (default otsu)
			  --radius PX          discovery radius (default: the length scale)
			  --path on|off        order each batch for a short beam path (default on)
			  --travel-cost L      subtract L x distance (px) from the previous point from the acquisition
			  --measurement-noise SD  Gaussian noise of the simulated microscope (default 0)
			  --noise V            GP noise variance relative to the normalised values (default 1e-6)
			  --threads N          worker threads (default: all cores)
			  --force              replace existing outputs in DIR

			""" + DISCOVERED + "\n";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path target = args.path("target");
		Path dir = args.path("out");
		BoSettings s = settings(args);
		TiffImage img = readTarget(target);
		OutputFolder.prepare(dir, args.flag("force"), STEPS, POINTS, RUN, MEAN, STD);
		Progress progress = Progress.NONE;
		Run run = new Experiment(s).run(new SimulatedMicroscope(img.pixels(), img.width(), img.height(), s
			.measurementNoise(), s.seed(), TimeModel.defaults()), img.pixels(), true, progress, r -> out.printf(
				"step %3d: %5d points, SSIM %.4f, mean std %.4g, discovered %.3f, path %.1f px, %.1f ms%n", r.step(), r.points(),
				r.ssim(), r.meanStd(), r.discovered(), r.pathLength(), r.computeSeconds() * 1e3));
		write(run, target.getFileName().toString(), dir);
		out.printf("%d points; discovered %.3f of %d feature pixels (threshold %.4g); SSIM %.4f -> %s%n", run.last().points(),
			run.last().discovered(), run.featurePixels(), run.threshold(), run.last().ssim(), dir);
		return 0;
	}

	static TiffImage readTarget(Path target) {
		if (!Files.isRegularFile(target)) throw new InputException("target " + target + " does not exist; give a TIFF file");
		TiffImage img = Tiff.read(target);
		if (img.planes() > 1) throw new InputException(target.getFileName() + " has " + img.planes() +
			" planes; the target must be one 2-D map (save a single plane)");
		return img;
	}

	static BoSettings settings(Args args) {
		BoSettings d = BoSettings.defaults();
		String length = args.string("length", "5");
		boolean fit = length.equalsIgnoreCase("fit");
		double l = fit ? 10 : args.number("length", 5);
		String threshold = args.string("threshold", "otsu");
		double th = threshold.equalsIgnoreCase("otsu") ? Double.NaN : args.number("threshold", 0);
		String path = args.string("path", "on");
		if (!path.equals("on") && !path.equals("off")) throw new InputException("--path '" + path + "' must be on or off");
		return new BoSettings(args.string("kernel", "matern52"), l, fit, args.number("rq-alpha", 1), args.number("noise",
			1e-6), args.string("acq", "ei"), args.number("acq-param", Double.NaN), Goal.parse(args.string("goal", "max")),
			args.integer("batch", 10), args.integer("steps", 30), args.integer("seed-points", 1), args.integer("seed", 0),
			BatchMode.parse(args.string("batch-mode", "kb")), args.number("exclusion", Double.NaN), path.equals("on"), args
				.number("travel-cost", 0), th, args.number("radius", Double.NaN), args.number("measurement-noise", 0), FftCommand
					.threads(args));
	}

	static void write(Run run, String targetName, Path dir) throws IOException {
		RunFiles.write(run, targetName, dir, Map.of());
	}
}
