package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.atoms.AtomFinders;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.experiment.ExperimentSettings;
import org.stemdiscovery.experiment.ModelFitter;
import org.stemdiscovery.experiment.ModelSettings;
import org.stemdiscovery.experiment.OnlineTraining;
import org.stemdiscovery.experiment.PatchModels;
import org.stemdiscovery.experiment.ScanTiming;
import org.stemdiscovery.experiment.TwinSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.DescriptorSettings;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.Workflow;

/**
 * Run Experiment (Digital Twin) / {@code stem-discovery experiment}: the parameters, declared once in {@link #SPEC}.
 * Lengths are in image pixels: the experiment decides where patches go on the frame, not on a descriptor grid.
 *
 * @param surveyDose share of the measurement dose the survey gets
 * @param length     kernel length scale in px; NaN = fit by marginal likelihood (from the patch size)
 * @param pixelSize  nm per pixel; NaN = the image's own calibration, if any
 * @param truthClass the class of ground-truth points that counts; -1 = every point (a parameter, not a file, because
 *                   every door that takes a truth table needs it)
 */
public record ExperimentParams(String workflow, double surveyDose, int surveyBinning, int patch, int spacing, int budget, double dwell,
	double current, double yield, double readNoise, double blur, double drift, boolean prior, int map, String method,
	int components, int iterations, int latent, int epochs, String atoms, int atomPatch, String kernel, double length,
	double alpha, double noise, String acquisition, double parameter, String goal, int batch, String batching,
	double exclusion, boolean path, double travel, int seed, double pixelSize, int truthClass, boolean surveyTraining,
	int retrainEvery, int retrainEpochs, int threads) {

	public static final Spec SPEC = new Spec("experiment", "Run Experiment (Digital Twin)",
		"a measurement-driven experiment on a digital twin of the specimen: survey, patches, dose (report, points.csv, run.json)",
		"Runs the automated experiment the way it runs at a microscope: the specimen image becomes a digital twin that " +
			"answers scans with Poisson counts at the dose asked for. A low-dose survey of the whole field (--survey-dose " +
			"of the measurement dose) fits the workflow's model; Bayesian optimization then chooses patches of --patch px " +
			"on the frame, each measured at the full dose and turned into the target value by the same model, until " +
			"--budget measurements are spent. With --truth (a CSV of points x,y in px, or a 0/1 mask TIFF) the run reports " +
			"how many features lay inside measured patches after each measurement, beside random patches and a " +
			"serpentine raster of the same budget, and the dose and time against a full raster of the frame.",
		List.of(
			Param.choice("workflow", "1", Workflow.REGISTRY).label("Workflow")
				.help("1 = sliding FFT + unmixing, 2 = sliding FFT + rVAE, 3 = atoms + rVAE"),
			Param.real("survey-dose", 0.05).range(1e-4, 1).label("Survey dose (share of the measurement dose)")
				.help("the survey's dose per pixel as a share of a measurement's"),
			Param.integer("survey-binning", 1).range(1, 64).label("Binning of the survey (1 = full pixel size)")
				.help("survey at a coarser pixel size: one position per N x N block of the field"),
			Param.integer("patch", 32).range(4, 4096).unit("px").label("Patch size (px)")
				.help("side of each measured patch (workflows 1 and 2: also the FFT window)"),
			Param.integer("spacing", 8).range(1, 4096).unit("px").label("Spacing of candidate patches (px)")
				.help("distance between the centres of candidate patches"),
			Param.integer("budget", 100).range(1, 1_000_000).label("Budget (measurements)").help("patches to measure in all"),
			Param.real("dwell", 10).range(1e-3, 1e6).unit("us").label("Dwell per pixel (µs)")
				.help("dwell of a measurement; the survey's is survey-dose times this"),
			Param.real("current", 20).range(1e-3, 1e6).unit("pA").label("Current of the beam (pA)")
				.help("digital twin: beam current (dose = current x dwell)"),
			Param.real("yield", 0.1).range(1e-6, 1).label("Yield of the detector")
				.help("digital twin: share of the electrons counted at the specimen's brightest pixel"),
			Param.real("read-noise", 0).range(0, 1e6).unit("counts").label("Read noise (counts)")
				.help("digital twin: Gaussian detector noise"),
			Param.real("blur", 0).range(0, 50).unit("px").label("Blur of the probe (px)").help("digital twin: probe sigma"),
			Param.real("drift", 0).range(0, 1e4).unit("px/s").label("Drift (px/s)").help("digital twin: specimen drift"),
			Param.flag("prior", true).label("Prior from the survey")
				.help("use the survey's map as the GP's prior mean; off = the GP learns from the measurements alone"),
			Param.integer("map", 0).range(0, 1024).label("Map to steer by (0 = automatic)")
				.help("the model's value to steer by, from 1; 0 = the survey map with the most coherent contrast"),
			Param.choice("method", "nmf", Unmixer.METHODS).label("Method of unmixing").help("workflow 1's unmixing"),
			Param.integer("components", 3).range(1, 32).alias("k").label("Components (k)").help("components to unmix"),
			Param.integer("iterations", 200).range(1, 100_000).alias("max-iter")
				.label("Iterations of NMF (passes of N-FINDR)").help("NMF iterations or N-FINDR passes"),
			Param.integer("latent", 2).range(1, 16).label("Latent variables of the rVAE (content)")
				.help("content latents of the rVAE (workflows 2, 3)"),
			Param.integer("epochs", 30).range(1, 10_000).label("Epochs of rVAE training").help("rVAE training epochs"),
			Param.choice("atoms", "dcnn", AtomFinders.REGISTRY).label("Atom finder (workflow 3)")
				.help("workflow 3's atom finder"),
			Param.integer("atom-patch", 16).range(4, 256).unit("px").label("Size of atom patches (px)")
				.help("side of the atom-centred patches (workflow 3)"),
			BoParams.KERNEL,
			Param.realOr("length", "fit", "fit").range(0, 1e6).unit("px").label("Length scale (px, or fit)")
				.help("kernel length scale in px, or fit: marginal likelihood, refitted as measurements arrive, from the " +
					"patch size"),
			BoParams.ALPHA, BoParams.NOISE, BoParams.ACQUISITION, BoParams.PARAMETER, BoParams.GOAL, BoParams.BATCH,
			BoParams.BATCHING,
			Param.realOr("exclusion", BoParams.AUTO, BoParams.AUTO, "default").range(0, 1e6).unit("px")
				.label("Exclusion radius (px, or auto)").help("local-penalisation radius; auto = the length scale"),
			BoParams.PATH, BoParams.TRAVEL, BoParams.SEED,
			Param.realOr("pixel-size", BoParams.AUTO, BoParams.AUTO).range(0, 1e6).unit("nm").label("Pixel size (nm, or auto)")
				.help("nm per pixel for positions in nm; auto = the image's calibration, if it has one"),
			// a truth table of atoms lists every class; the run is judged by the one the user is hunting
			Param.integer("truth-class", -1).range(-1, 1_000_000).label("Class of the truth points (-1 = all)")
				.help("with a truth table that has a class column, only points of this class count; -1 = every point"),
			Param.flag("survey-training", true).label("Train the rVAE on the survey")
				.help("workflows 2 and 3: train the rVAE on the survey (its map becomes the GP prior); off = no prior, the " +
					"rVAE trains on the patches as they arrive (then retrain-every must be at least 1)"),
			Param.integer("retrain-every", 0).range(0, 100_000).label("Retrain the rVAE every N batches (0 = never)")
				.help("workflows 2 and 3: warm-start training on all patches measured so far every N batches, and " +
					"re-encode the earlier ones"),
			Param.integer("retrain-epochs", 10).range(1, 10_000).label("Warm epochs per retraining")
				.help("epochs of each retraining during discovery"),
			Threads.param()));

	public static ExperimentParams from(Values v) {
		return new ExperimentParams(v.text("workflow"), v.real("survey-dose"), v.integer("survey-binning"), v.integer(
			"patch"), v.integer("spacing"), v
			.integer("budget"), v.real("dwell"), v.real("current"), v.real("yield"), v.real("read-noise"), v.real("blur"), v
				.real("drift"), v.flag("prior"), v.integer("map"), v.text("method"), v.integer("components"), v.integer(
					"iterations"), v.integer("latent"), v.integer("epochs"), v.text("atoms"), v.integer("atom-patch"), v.text(
						"kernel"), BoParams.orNaN(v, "length"), v.real("alpha"), v.real("noise"), v.text("acquisition"), v.real(
							"parameter"), v.text("goal"), v.integer("batch"), v.text("batching"), BoParams.orNaN(v, "exclusion"), v
								.flag("path"), v.real("travel"), v.integer("seed"), BoParams.orNaN(v, "pixel-size"), v.integer(
									"truth-class"), v.flag("survey-training"), v.integer("retrain-every"), v.integer("retrain-epochs"), v
										.integer("threads"));
	}

	/** The experiment's settings (the combination is checked there, and against the frame by the session). */
	public ExperimentSettings settings() {
		boolean fit = Double.isNaN(length);
		BoSettings bo = new BoSettings(kernel, fit ? patch : length, fit, alpha, noise, acquisition, parameter < 0
			? Double.NaN : parameter, Goal.parse(goal), batch, 0, 1, seed, BatchMode.REGISTRY.get(batching), exclusion, path,
			travel, Double.NaN, Double.NaN, 0, Threads.resolve(threads));
		return new ExperimentSettings(patch, spacing, dwell, surveyDose, budget, map, prior, bo, ScanTiming.defaults(),
			surveyBinning);
	}

	/** The digital twin's imaging. */
	public TwinSettings twin() {
		return new TwinSettings(current, yield, readNoise, blur, drift, false, ScanTiming.defaults());
	}

	/** The workflow's model fitter (workflow 3 opens its atom finder when the survey is fitted). */
	public ModelFitter fitter() {
		return PatchModels.fitter(workflow, new ModelSettings(descriptors(), new OnlineTraining(surveyTraining,
			retrainEvery, retrainEpochs)));
	}

	/** What the workflows' models need; the FFT window is the patch and the step the candidate spacing. */
	public DescriptorSettings descriptors() {
		SlidingFftSettings fft = SlidingFftSettings.of(patch, spacing);
		RvaeEncoding rvae = new RvaeEncoding(latent, 128, RvaeTraining.defaults().withEpochs(epochs).withBatchSize(50)
			.withLearningRate(3e-3).withSeed(seed));
		return new DescriptorSettings(fft, method, components, iterations, seed, rvae, atoms, atomPatch, spacing, Threads
			.resolve(threads));
	}
}
