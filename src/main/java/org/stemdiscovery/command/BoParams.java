package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.bo.Acquisition;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.gp.Kernel;

/**
 * Simulate BO / {@code stem-discovery bo}: the parameters, declared once in {@link #SPEC}. Names are the Fiji
 * fields; the command line's older option names ({@code --acq}, {@code --batch-mode}, …) are aliases.
 *
 * @param length     kernel length scale in px; ignored when {@code fit}
 * @param fit        fit the length scale by marginal likelihood, starting from {@link BoSettings#FIT_START_PX}
 * @param parameter  ξ of ei/pi or β of ucb; negative = the acquisition's default
 * @param seeds      1 = one seed point, n = an n × n grid of seed points
 * @param exclusion  local-penalisation radius in px; NaN = the length scale
 * @param threshold  feature = target above this; NaN = Otsu's threshold
 * @param radius     discovery radius in px; NaN = the length scale
 * @param threads    worker threads; 0 = every core (the same in every door)
 */
public record BoParams(String kernel, double length, boolean fit, double alpha, double noise, String acquisition,
	double parameter, String goal, int batch, int steps, int seeds, int seed, String batching, double exclusion,
	boolean path, double travel, double threshold, double radius, double measurementNoise, int threads) {

	/** The word for "the length scale" in the radius parameters. */
	static final String AUTO = "auto";

	/** Definition of "discovered", printed in help texts and table headers. */
	public static final String DISCOVERED = "discovered = share of feature pixels (target > threshold; Otsu by " +
		"default) that lie within r px (Euclidean, inclusive; default r = the kernel length scale) of a measured point";

	// Parameters BO Sweep shares: one definition each (declared before SPEC, which reads them).

	static final Param KERNEL = Param.choice("kernel", "matern52", Kernel.REGISTRY).label("Kernel").help("GP covariance function");

	static final Param LENGTH = Param.realOr("length", 5.0, "fit").range(0.01, 1e6).unit("px").label("Length scale (px, or fit)")
		.help("correlation length d in px (typically 1-20), or fit: marginal likelihood, refitted every step, " +
			"starting from " + Param.text(BoSettings.FIT_START_PX) + " px");

	static final Param ACQUISITION = Param.choice("acquisition", "ei", Acquisition.REGISTRY).alias("acq").label("Acquisition")
		.help("acquisition function");

	static final Param GOAL = Param.choice("goal", "max", Goal.REGISTRY).label("Goal (max = high target values)")
		.help("look for high (max) or low (min) target values");

	static final Param BATCH = Param.integer("batch", 10).range(1, 10_000).label("Batch size").help("points per step");

	static final Param STEPS = Param.integer("steps", 30).range(0, 100_000).label("Steps").help("steps after the seed points");

	static final Param BATCHING = Param.choice("batching", "kb", BatchMode.REGISTRY).alias("batch-mode").label("Batching")
		.help("kb = kriging believer, lp = local penalisation (exclusion radius = length scale)");

	static final Param PATH = Param.flag("path", true).label("Path planning (short beam path per batch)")
		.help("order each batch for a short beam path");

	static final Param TRAVEL = Param.real("travel", 0).range(0, 1e6).alias("travel-cost").label("Travel cost (acquisition per px)")
		.help("subtract this x distance (px) from the previous point from the acquisition");

	static final Param THRESHOLD = Param.realOr("threshold", "otsu", "otsu").label("Threshold of feature (otsu or a value)")
		.help("feature of interest = target above this");

	static final Param RADIUS = Param.realOr("radius", AUTO, AUTO, "default").range(0, 1e6).unit("px").label("Radius of discovery (px, or auto)")
		.help("feature pixels this close to a measured point are discovered; auto = the length scale");

	static final Param ALPHA = Param.real("alpha", 1).range(1e-3, 1e6).alias("rq-alpha").label("Alpha of rq kernel")
		.help("shape parameter of the rq kernel (positive)");

	static final Param NOISE = Param.real("noise", 1e-6).range(1e-12, 1).label("Noise variance (GP, relative)")
		.help("GP noise variance relative to the normalised values (positive)");

	static final Param PARAMETER = Param.real("parameter", -1).range(-1e6, 1e6).alias("acq-param")
		.label("Parameter of acquisition (xi or beta; -1 = default)")
		.help("xi of ei/pi (default 0.01, in target units), beta of ucb (default 4); negative = that default");

	static final Param SEED = Param.integer("seed", 0).label("Random seed").help("seed of all randomness");

	static final Param MEASUREMENT = Param.real("measurement", 0).range(0, 1e6).alias("measurement-noise")
		.label("Measurement noise (SD of the simulated microscope)").help("Gaussian noise of the simulated microscope");

	/** Seed points; named {@code seeds} in Simulate BO and {@code grid} in BO Sweep, whose seeds are random seeds. */
	static Param seedGrid(String name) {
		return Param.integer(name, 1).range(1, 1000).alias("seed-points").label("Seed points (1 = one point, n = n x n grid)")
			.help("1 = one seed point (the centre for seed 0), n = an n x n grid of seed points");
	}

	public static final Spec SPEC = new Spec("bo", "Simulate BO",
		"simulated Bayesian optimisation on a target map (steps.csv, points.csv, run.json, mean.tif, std.tif)",
		"Simulates an automated experiment: a microscope reveals the target only where the beam goes; a Gaussian " +
			"process over every pixel and an acquisition function choose each batch of points, which is ordered for a " +
			"short beam path. Writes steps.csv, points.csv, run.json (replayable record), mean.tif and std.tif (GP mean " +
			"and standard deviation after every step, one plane each). " + DISCOVERED + ".",
		List.of(KERNEL, LENGTH, ALPHA, NOISE,
			ACQUISITION,
			PARAMETER,
			GOAL, BATCH, STEPS, seedGrid("seeds"),
			SEED,
			BATCHING,
			Param.realOr("exclusion", AUTO, AUTO, "default").range(0, 1e6).unit("px").label("Exclusion radius (px, or auto)")
				.help("local-penalisation radius; auto = the length scale"),
			PATH, TRAVEL, THRESHOLD, RADIUS,
			MEASUREMENT,
			Threads.param()));

	public static BoParams from(Values v) {
		return new BoParams(v.text("kernel"), lengthValue(v), v.word("length") != null, v.real("alpha"), v.real(
			"noise"), v.text("acquisition"), v.real("parameter"), v.text("goal"), v.integer("batch"), v.integer("steps"),
			v.integer("seeds"), v.integer("seed"), v.text("batching"), orNaN(v, "exclusion"), v.flag("path"), v.real(
				"travel"), orNaN(v, "threshold"), orNaN(v, "radius"), v.real("measurement"), v.integer("threads"));
	}

	/** The core's settings; the combination is checked there (and against the target in the task). */
	public BoSettings settings() {
		return new BoSettings(kernel, fit ? BoSettings.FIT_START_PX : length, fit, alpha, noise, acquisition,
			parameter < 0 ? Double.NaN : parameter, Goal.parse(goal), batch, steps, seeds, seed, BatchMode.parse(batching),
			exclusion, path, travel, threshold, radius, measurementNoise, Threads.resolve(threads));
	}

	/** A length-scale value, NaN for {@code fit}. */
	static double lengthValue(Values v) {
		return v.word("length") != null ? Double.NaN : v.real("length");
	}

	/** A number-or-word value, NaN for the word. */
	static double orNaN(Values v, String name) {
		return v.word(name) != null ? Double.NaN : v.real(name);
	}
}
