package org.stemdiscovery.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.command.ExperimentTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Csv;

/**
 * Plugins › STEM Discovery › Run Experiment (Digital Twin): the Fiji door onto {@link ExperimentTask}. The current
 * image is the specimen (its calibration gives the pixel size when it is in nm, µm or Å); a digital twin of it
 * answers a low-dose survey and full-dose patches while Bayesian optimization chooses them, shown live in one
 * window ({@link ExperimentLiveView}). Results as Simulate BO's: the steps, points and (with a ground truth)
 * discovery tables, and the survey (with the measured patches drawn on it), measured mosaic, dose map and the GP
 * mean and uncertainty after every batch as images. Labels, defaults, ranges and choices are
 * {@link ExperimentParams#SPEC}'s (see {@link StemCommand}); a hyphenated parameter lives in its camelCase field.
 */
@Plugin(type = Command.class, headless = true, label = "Run Experiment (Digital Twin)")
public class RunExperimentCommand extends StemCommand {

	@Parameter(label = "Specimen", persist = false)
	private ImagePlus image;

	@Parameter(label = "Workflow", persist = false) private String workflow;
	@Parameter(label = "Survey dose (share of the measurement dose)", persist = false) private double surveyDose;
	@Parameter(label = "Binning of the survey (1 = full pixel size)", persist = false) private int surveyBinning;
	@Parameter(label = "Patch size (px)", persist = false) private int patch;
	@Parameter(label = "Spacing of candidate patches (px)", persist = false) private int spacing;
	@Parameter(label = "Budget (measurements)", persist = false) private int budget;
	@Parameter(label = "Dwell per pixel (µs)", persist = false) private double dwell;
	@Parameter(label = "Current of the beam (pA)", persist = false) private double current;
	@Parameter(label = "Yield of the detector", persist = false) private double yield;
	@Parameter(label = "Read noise (counts)", persist = false) private double readNoise;
	@Parameter(label = "Blur of the probe (px)", persist = false) private double blur;
	@Parameter(label = "Drift (px/s)", persist = false) private double drift;
	@Parameter(label = "Prior from the survey", persist = false) private boolean prior;
	@Parameter(label = "Map to steer by (0 = automatic)", persist = false) private int map;
	@Parameter(label = "Method of unmixing", persist = false) private String method;
	@Parameter(label = "Components (k)", persist = false) private int components;
	@Parameter(label = "Iterations of NMF (passes of N-FINDR)", persist = false) private int iterations;
	@Parameter(label = "Latent variables of the rVAE (content)", persist = false) private int latent;
	@Parameter(label = "Epochs of rVAE training", persist = false) private int epochs;
	@Parameter(label = "Atom finder (workflow 3)", persist = false) private String atoms;
	@Parameter(label = "Size of atom patches (px)", persist = false) private int atomPatch;
	@Parameter(label = "Kernel", persist = false) private String kernel;
	@Parameter(label = "Length scale (px, or fit)", persist = false) private String length;
	@Parameter(label = "Alpha of rq kernel", persist = false) private double alpha;
	@Parameter(label = "Noise variance (GP, relative)", persist = false) private double noise;
	@Parameter(label = "Acquisition", persist = false) private String acquisition;
	@Parameter(label = "Parameter of acquisition (xi or beta; -1 = default)", persist = false) private double parameter;
	@Parameter(label = "Goal (max = high target values)", persist = false) private String goal;
	@Parameter(label = "Batch size", persist = false) private int batch;
	@Parameter(label = "Batching", persist = false) private String batching;
	@Parameter(label = "Exclusion radius (px, or auto)", persist = false) private String exclusion;
	@Parameter(label = "Path planning (short beam path per batch)", persist = false) private boolean path;
	@Parameter(label = "Travel cost (acquisition per px)", persist = false) private double travel;
	@Parameter(label = "Random seed", persist = false) private int seed;
	@Parameter(label = "Pixel size (nm, or auto)", persist = false) private String pixelSize;
	@Parameter(label = "Class of the truth points (-1 = all)", persist = false) private int truthClass;
	@Parameter(label = "Train the rVAE on the survey", persist = false) private boolean surveyTraining;
	@Parameter(label = "Retrain the rVAE every N batches (0 = never)", persist = false) private int retrainEvery;
	@Parameter(label = "Warm epochs per retraining", persist = false) private int retrainEpochs;
	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	/** The Fiji door's way to a ground-truth mask: an open image by title, as Simulate BO's overlay image. */
	@Parameter(label = "Truth mask image title (empty = none)", required = false, persist = false)
	private String truth = "";

	/** The other way: a CSV of points x,y in px (optionally class: see truthClass). */
	@Parameter(label = "CSV of truth points (x,y in px; empty = none)", required = false, persist = false)
	private File csv;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment live view")
	private ImagePlus liveImage;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment mean")
	private ImagePlus mean;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment std")
	private ImagePlus std;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment measured")
	private ImagePlus measured;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment dose")
	private ImagePlus dose;

	@Parameter(type = ItemIO.OUTPUT, label = "Experiment survey")
	private ImagePlus survey;

	@Parameter(type = ItemIO.OUTPUT, label = ExperimentTask.STEPS)
	private ResultsTable stepTable;

	@Parameter(type = ItemIO.OUTPUT, label = ExperimentTask.POINTS)
	private ResultsTable pointTable;

	@Parameter(type = ItemIO.OUTPUT, label = ExperimentTask.DISCOVERY)
	private ResultsTable discoveryTable;

	private ExperimentRun run;
	private ExperimentLiveView view;

	@Override
	public Spec spec() {
		return ExperimentParams.SPEC;
	}

	@Override
	protected void execute() {
		if (image == null) throw new InputException(title() + " needs a specimen image; open one first");
		ExperimentParams params = ExperimentParams.from(values());
		float[] pixels = ImagePlusImages.floatPixels(image); // refuses RGB and stacks with the usual messages
		int w = image.getWidth(), h = image.getHeight();
		Features features = truth(w, h);
		// a window only where ImageJ has a screen to show it on; batch macros and headless runs get the picture back
		boolean live = !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode() && IJ.getInstance() != null;
		String name = image.getShortTitle();
		view = new ExperimentLiveView("Experiment live - " + name, live, features);
		IjProgress progress = new IjProgress(ExperimentParams.SPEC.title());
		ExperimentTask.Outcome o = ExperimentTask.run(pixels, w, h, ImagePlusImages.nmPerPixel(image), image.getTitle(),
			features, params, progress, view);
		run = o.run();
		Result r = o.result();
		survey = Render.image(r.image(ExperimentTask.SURVEY), name);
		survey.copyScale(image);
		Overlay ov = new Overlay();
		for (Roi roi : ExperimentLiveView.measurements(run.points(), params.patch(), run.steps().size(), 1, 0, 0, true))
			ov.add(roi);
		survey.setOverlay(ov);
		measured = Render.image(r.image(ExperimentTask.MEASURED), name);
		measured.copyScale(image);
		dose = Render.image(r.image(ExperimentTask.DOSE), name);
		dose.copyScale(image);
		mean = Render.image(r.image(ExperimentTask.MEAN), name);
		std = Render.image(r.image(ExperimentTask.STD), name);
		for (ExperimentStep s : run.steps()) {
			String label = "step " + s.step() + ", " + s.measurements() + " measurements";
			mean.getStack().setSliceLabel(label, s.step() + 1);
			std.getStack().setSliceLabel(label, s.step() + 1);
		}
		stepTable = Render.table(r.table(ExperimentTask.STEPS));
		pointTable = Render.table(r.table(ExperimentTask.POINTS));
		if (run.found() != null) discoveryTable = Render.table(r.table(ExperimentTask.DISCOVERY));
		if (!live) liveImage = view.image();
		IJ.log(ExperimentParams.SPEC.title() + ": " + r.summary());
		progress.done(run.last().measurements() + " measurements");
	}

	/** The ground truth the Fiji door was given: a mask by title or a CSV of points; null for none. */
	private Features truth(int w, int h) {
		boolean byMask = truth != null && !truth.isBlank(), byCsv = csv != null && !csv.getPath().isBlank();
		if (byMask && byCsv) throw new InputException("give the ground truth once: a truth mask image or a CSV of " +
			"points, not both");
		if (byCsv) return ExperimentTask.truthFromCsv(Csv.read(csv.toPath()), w, h, csv.getName(), truthClass);
		if (!byMask) return null;
		ImagePlus m = WindowManager.getImage(truth.trim());
		if (m == null) throw new InputException("no open image is titled '" + truth.trim() + "'; give the title of " +
			"the truth mask or leave it empty");
		return ExperimentTask.truthFromMask(ImagePlusImages.floatPixels(m), m.getWidth(), m.getHeight(), w, h, m
			.getTitle());
	}

	public ExperimentRun result() {
		return run;
	}

	/** The live view the run drew on (for tests and pictures). */
	ExperimentLiveView liveView() {
		return view;
	}
}
