package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.atoms.AtomFinders;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.DescriptorSettings;
import org.stemdiscovery.workflow.MapMaker;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.Workflow;

/**
 * Run AE Workflow / {@code stem-discovery workflow}: the parameters, declared once in {@link #SPEC}. Lengths of
 * the BO stage are in cells of the target map's grid (windows for workflows 1 and 2, raster cells for 3).
 *
 * @param length      kernel length scale in grid cells; NaN = the workflow's own ({@link Workflow#lengthCells()})
 * @param fit         fit the length scale by marginal likelihood (starting from 10 cells)
 * @param parameter   ξ of ei/pi or β of ucb; NaN (given as a negative number) = the acquisition's default
 * @param exclusion   local-penalisation radius in cells; NaN = the length scale
 * @param threshold   feature = target above this; NaN = Otsu's threshold
 * @param radius      discovery radius in cells; NaN = the length scale
 * @param threads     worker threads; 0 = every core (the same in every door)
 */
public record WorkflowParams(String workflow, int window, int step, int zoom, String method, int components,
	int iterations, int latent, int epochs, String atoms, int patch, int cell, int map, String kernel, double length,
	boolean fit, double alpha, double noise, String acquisition, double parameter, String goal, int batch, int steps,
	int seeds, long seed, String batching, double exclusion, boolean path, double travel, double threshold,
	double radius, double measurement, int threads) {

	// The BO parameters whose meaning does not depend on the grid are Simulate BO's own (BoParams); lengths,
	// radii and the travel cost are in grid cells here, so they are declared with that unit.


	public static final Spec SPEC = new Spec("workflow", "Run AE Workflow",
		"an automated experiment from an image: descriptors, target map, simulated BO, report.html",
		"Workflow 1 (large features: phases, inclusions, domains): sliding FFT of the image, unmixed by NMF, SVD or " +
			"N-FINDR; one abundance map becomes the target of a simulated Bayesian-optimization experiment on the window " +
			"grid. Workflow 2 (textures that rotate or shift): sliding FFT, then a rotationally invariant VAE; a latent " +
			"map (or the boundary of one) on the window grid is the target. Workflow 3 (atomic-scale features: walls, " +
			"dopants, distortions): atoms found by the DCNN, atom-centred patches encoded by the rVAE; each atom's latent " +
			"covers its neighbourhood, sampled every --cell px. Lengths of the experiment are in cells of the target's " +
			"grid. With --mask (a 0/1 ground-truth TIFF of the image's size) the report adds how much of it the " +
			"experiment discovered. Open report.html in a browser.",
		List.of(
			Param.choice("workflow", "1", Workflow.REGISTRY).label("Workflow")
				.help("1 = sliding FFT + unmixing, 2 = sliding FFT + rVAE, 3 = atoms + rVAE"),
			Param.integer("window", 32).range(8, 4096).unit("px").label("Window size (px)").help("sliding-FFT window (workflows 1, 2)"),
			Param.integer("step", 8).range(1, 4096).unit("px").label("Step (px)").help("distance between windows"),
			Param.integer("zoom", 1).range(1, 256).label("Zoom (keep central 1/zoom of frequencies)")
				.help("keep the central 1/zoom of the frequencies (1 keeps all)"),
			Param.choice("method", "nmf", Unmixer.METHODS).label("Method of unmixing").help("workflow 1's unmixing"),
			Param.integer("components", 2).range(1, 32).alias("k").label("Components (k)").help("components to unmix"),
			Param.integer("iterations", 500).range(1, 100_000).alias("max-iter").label("Iterations of NMF (passes of N-FINDR)")
				.help("NMF iterations or N-FINDR passes"),
			Param.integer("latent", 2).range(1, 16).label("Latent variables of the rVAE (content)")
				.help("content latents of the rVAE (workflows 2, 3)"),
			Param.integer("epochs", 30).range(1, 10_000).label("Epochs of rVAE training").help("rVAE training epochs"),
			Param.choice("atoms", "dcnn", AtomFinders.REGISTRY).label("Atom finder (workflow 3)")
				.help("workflow 3's atom finder: the bundled network or the Laplacian of Gaussian"),
			Param.integer("patch", 16).range(4, 256).unit("px").label("Patch size around atoms (px)")
				.help("side of the atom-centred patches (workflow 3)"),
			Param.integer("cell", 4).range(1, 4096).unit("px").label("Cell of the atom raster (px)")
				.help("workflow 3 samples the latents every cell px"),
			Param.integer("map", 0).range(0, 1024).label("Map for the target (0 = automatic)")
				.help("the candidate map that becomes the target, from 1; 0 = the map with the most coherent contrast " +
					"whose bright part is the rarer phase"),
			BoParams.KERNEL,
			Param.realOr("length", "auto", "auto", "fit").range(0, 1e6).unit("cells").label("Length scale (grid cells)")
				.help("kernel length scale; auto = 3 cells for workflow 3 (about a lattice spacing), 5 otherwise; fit = " +
					"marginal likelihood, refitted every step from 10 cells"),
			BoParams.ALPHA, BoParams.NOISE,
			BoParams.ACQUISITION,
			BoParams.PARAMETER,
			BoParams.GOAL,
			BoParams.BATCH,
			Param.integer("steps", 29).range(0, 100_000).label("Steps")
				.help("steps after the seed points (29 steps of 10 after one seed: 291 points)"),
			BoParams.seedGrid("seeds"), BoParams.SEED,
			BoParams.BATCHING,
			Param.realOr("exclusion", BoParams.AUTO, BoParams.AUTO, "default").range(0, 1e6).unit("cells")
				.label("Exclusion radius (grid cells, or auto)").help("local-penalisation radius; auto = the length scale"),
			// A choice, not Simulate BO's switch: this dialog had no path field before, and an ImageJ macro that omits
			// a checkbox turns it off, so older Run AE Workflow macros would lose path planning.
			Param.choice("path", "on", "on", "off").label("Path planning (on or off)")
				.help("order each batch for a short beam path"),
			Param.real("travel", 0).range(0, 1e6).alias("travel-cost").label("Travel cost (acquisition per grid cell)")
				.help("subtract this times the distance from the previous point from the acquisition"),
			BoParams.THRESHOLD,
			Param.realOr("radius", BoParams.AUTO, BoParams.AUTO, "default").range(0, 1e6).unit("cells")
				.label("Radius of discovery (grid cells, or auto)").help("discovery radius; auto = the length scale"),
			BoParams.MEASUREMENT,
			Threads.param()));

	public static WorkflowParams from(Values v) {
		String length = v.word("length");
		return new WorkflowParams(v.text("workflow"), v.integer("window"), v.integer("step"), v.integer("zoom"), v.text(
			"method"), v.integer("components"), v.integer("iterations"), v.integer("latent"), v.integer("epochs"), v.text(
				"atoms"), v.integer("patch"), v.integer("cell"), v.integer("map"), v.text("kernel"), length == null ? v.real(
					"length") : Double.NaN, "fit".equals(length), v.real("alpha"), v.real("noise"), v.text("acquisition"),
			v.real("parameter") < 0 ? Double.NaN : v.real("parameter"), v.text("goal"), v.integer("batch"), v.integer("steps"), v.integer("seeds"), v
				.integer("seed"), v.text("batching"), BoParams.orNaN(v, "exclusion"), v.text("path").equals("on"), v.real(
					"travel"), BoParams.orNaN(v, "threshold"), BoParams.orNaN(v, "radius"), v.real("measurement"), v.integer(
						"threads"));
	}


	/** The kernel length scale in grid cells: the one given, the fit's start, or the workflow's own. */
	public double lengthCells() {
		if (fit) return 10;
		return Double.isNaN(length) ? Workflow.REGISTRY.get(workflow).lengthCells() : length;
	}

	/** The experiment's settings (checked: a zero length scale, a bad combination are refused here). */
	public BoSettings bo() {
		return new BoSettings(kernel, lengthCells(), fit, alpha, noise, acquisition, parameter, Goal.parse(goal), batch,
			steps, seeds, seed, BatchMode.REGISTRY.get(batching), exclusion, path, travel, threshold, radius, measurement, Threads
				.resolve(threads));
	}

	/** The descriptor stage's settings. */
	public DescriptorSettings descriptors() {
		SlidingFftSettings fft = SlidingFftSettings.of(window, step).withZoom(zoom);
		RvaeEncoding rvae = new RvaeEncoding(latent, 128, RvaeTraining.defaults().withEpochs(epochs).withBatchSize(50)
			.withLearningRate(3e-3).withSeed(seed));
		return new DescriptorSettings(fft, method, components, iterations, seed, rvae, atoms, patch, cell, Threads
			.resolve(threads));
	}

	/** The workflow's descriptor stage (workflow 3 loads its atom finder here). */
	public MapMaker maker() {
		return Workflow.REGISTRY.get(workflow).maker().apply(descriptors());
	}
}
