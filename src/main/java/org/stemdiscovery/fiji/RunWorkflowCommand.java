package org.stemdiscovery.fiji;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.WorkflowParams;
import org.stemdiscovery.command.WorkflowTask;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.workflow.CandidateMaps;
import org.stemdiscovery.workflow.WorkflowResult;

/**
 * Plugins › STEM Discovery › Run AE Workflow: the Fiji door onto {@link WorkflowTask}: an automated experiment on
 * the current image in one dialog — descriptors, the target map, simulated Bayesian optimization — shown on the
 * image with the per-step table and the discovery and SSIM plots, and optionally written as an HTML report.
 * Labels, defaults, ranges and choices are {@link WorkflowParams#SPEC}'s (see {@link StemCommand}).
 */
@Plugin(type = Command.class, headless = true, label = "Run AE Workflow")
public class RunWorkflowCommand extends StemCommand {

	static final String TARGET_OVERLAY = "stem-discovery target";

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Workflow", persist = false) private String workflow;
	@Parameter(label = "Window size (px)", persist = false) private int window;
	@Parameter(label = "Step (px)", persist = false) private int step;
	@Parameter(label = "Zoom (keep central 1/zoom of frequencies)", persist = false) private int zoom;
	@Parameter(label = "Method of unmixing", persist = false) private String method;
	@Parameter(label = "Components (k)", persist = false) private int components;
	@Parameter(label = "Iterations of NMF (passes of N-FINDR)", persist = false) private int iterations;
	@Parameter(label = "Latent variables of the rVAE (content)", persist = false) private int latent;
	@Parameter(label = "Epochs of rVAE training", persist = false) private int epochs;
	@Parameter(label = "Atom finder (workflow 3)", persist = false) private String atoms;
	@Parameter(label = "Patch size around atoms (px)", persist = false) private int patch;
	@Parameter(label = "Cell of the atom raster (px)", persist = false) private int cell;
	@Parameter(label = "Map for the target (0 = automatic)", persist = false) private int map;
	@Parameter(label = "Kernel", persist = false) private String kernel;
	@Parameter(label = "Length scale (grid cells)", persist = false) private String length;
	@Parameter(label = "Alpha of rq kernel", persist = false) private double alpha;
	@Parameter(label = "Noise variance (GP, relative)", persist = false) private double noise;
	@Parameter(label = "Acquisition", persist = false) private String acquisition;
	@Parameter(label = "Parameter of acquisition (xi or beta; -1 = default)", persist = false) private double parameter;
	@Parameter(label = "Goal (max = high target values)", persist = false) private String goal;
	@Parameter(label = "Batch size", persist = false) private int batch;
	@Parameter(label = "Steps", persist = false) private int steps;
	@Parameter(label = "Seed points (1 = one point, n = n x n grid)", persist = false) private int seeds;
	@Parameter(label = "Random seed", persist = false) private long seed;
	@Parameter(label = "Batching", persist = false) private String batching;
	@Parameter(label = "Exclusion radius (grid cells, or auto)", persist = false) private String exclusion;
	@Parameter(label = "Path planning (on or off)", persist = false) private String path;
	@Parameter(label = "Travel cost (acquisition per grid cell)", persist = false) private double travel;
	@Parameter(label = "Threshold of feature (otsu or a value)", persist = false) private String threshold;
	@Parameter(label = "Radius of discovery (grid cells, or auto)", persist = false) private String radius;
	@Parameter(label = "Measurement noise (SD of the simulated microscope)", persist = false) private double measurement;
	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	/** The Fiji door's output folder, as {@code --out} is the command line's: a place, not a parameter. */
	@Parameter(label = "Report folder (empty = none)", required = false, persist = false)
	private String report = "";

	@Parameter(type = ItemIO.OUTPUT, label = "AE Target")
	private ImagePlus target;

	@Parameter(type = ItemIO.OUTPUT, label = "AE Steps")
	private ResultsTable stepTable;

	@Parameter(type = ItemIO.OUTPUT, label = "AE discovery plot")
	private ImagePlus discoveryPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "AE SSIM plot")
	private ImagePlus ssimPlot;

	private WorkflowResult result;

	@Override
	public Spec spec() {
		return WorkflowParams.SPEC;
	}


	@Override
	protected void execute() {
		WorkflowParams params = WorkflowParams.from(values());
		float[] pixels = ImagePlusImages.floatPixels(image); // refuses RGB and stacks with the usual messages
		Path dir = report == null || report.isBlank() ? null : Path.of(report.trim());
		IjProgress progress = new IjProgress(WorkflowParams.SPEC.title());
		WorkflowTask.Outcome o = WorkflowTask.run(pixels, image.getWidth(), image.getHeight(), image.getTitle(), null,
			params, dir, false, progress);
		result = o.workflow();
		CandidateMaps maps = result.maps();
		target = Render.image(o.result().image(WorkflowTask.TARGET), image.getShortTitle());
		double[] values = new double[result.target().length];
		for (int i = 0; i < values.length; i++)
			values[i] = result.target()[i];
		image.setOverlay(MapOverlay.over(image.getOverlay(), maps.grid(), values, TARGET_OVERLAY));
		SimulateBoCommand.drawPoints(image, result.run(), maps.grid());
		stepTable = SimulateBoCommand.stepTable(result.run());
		discoveryPlot = SimulateBoCommand.plot(result.run(), false);
		ssimPlot = SimulateBoCommand.plot(result.run(), true);
		IJ.log(WorkflowParams.SPEC.title() + ": " + o.result().summary());
		if (dir != null) IJ.log(WorkflowParams.SPEC.title() + ": report written to " + dir.resolve(WorkflowReport.HTML)
			.toAbsolutePath());
		progress.done(result.run().last().points() + " points");
	}

	public WorkflowResult result() {
		return result;
	}
}
