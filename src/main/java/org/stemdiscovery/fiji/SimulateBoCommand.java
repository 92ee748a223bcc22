package org.stemdiscovery.fiji;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.command.BoParams;
import org.stemdiscovery.command.BoTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;

/**
 * Plugins › STEM Discovery › Simulate BO: a simulated automated experiment on a target map. A microscope reveals
 * the target only where the beam goes; a Gaussian process over every pixel and an acquisition function choose
 * batches of points, ordered for a short beam path. Outputs: the GP mean and standard deviation after every step
 * (stacks), a table per step and per point, plots of discovery and SSIM against points measured, the points as
 * an overlay joined by the beam path, and a JSON run record that replays the run.
 *
 * <p>When the target carries a window grid (a map made from a Sliding FFT Stack), points are drawn at their
 * windows' centres on the overlay image.
 */
@Plugin(type = Command.class, headless = true, label = "Simulate BO")
public class SimulateBoCommand extends StemCommand {

	/** Info key holding the run record on the mean stack. */
	public static final String RUN_KEY = "stemdiscovery.bo.run";

	@Parameter(label = "Target map", persist = false)
	private ImagePlus target;

	@Parameter(label = "Kernel", persist = false) private String kernel;
	@Parameter(label = "Length scale (px, or fit)", persist = false) private String length;
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
	@Parameter(label = "Exclusion radius (px, or auto)", persist = false) private String exclusion;
	@Parameter(label = "Path planning (short beam path per batch)", persist = false) private boolean path;
	@Parameter(label = "Travel cost (acquisition per px)", persist = false) private double travel;
	@Parameter(label = "Threshold of feature (otsu or a value)", persist = false) private String threshold;
	@Parameter(label = "Radius of discovery (px, or auto)", persist = false) private String radius;
	@Parameter(label = "Measurement noise (SD of the simulated microscope)", persist = false) private double measurement;
	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	@Parameter(label = "Overlay image title (empty = the target)", required = false, persist = false)
	private String overlay = "";

	@Parameter(label = "Record file (JSON run record; empty = none)", required = false, persist = false)
	private String record = "";

	/** Headless callers may pass the image to draw on directly; menu runs name it by title. */
	@Parameter(label = "Source image", required = false, persist = false, visibility = org.scijava.ItemVisibility.INVISIBLE)
	private ImagePlus source;

	@Parameter(type = ItemIO.OUTPUT, label = "BO mean")
	private ImagePlus mean;

	@Parameter(type = ItemIO.OUTPUT, label = "BO std")
	private ImagePlus std;

	@Parameter(type = ItemIO.OUTPUT, label = BoTask.STEPS)
	private ResultsTable stepTable;

	@Parameter(type = ItemIO.OUTPUT, label = BoTask.POINTS)
	private ResultsTable pointTable;

	@Parameter(type = ItemIO.OUTPUT, label = "Discovery plot")
	private ImagePlus discoveryPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM plot")
	private ImagePlus ssimPlot;

	private Run run;

	@Override
	public Spec spec() {
		return BoParams.SPEC;
	}


	@Override
	protected void execute() {
		if (target == null) throw new InputException("Simulate BO needs a target map; open one first");
		BoParams params = BoParams.from(values());
		int w = target.getWidth(), h = target.getHeight();
		IjProgress progress = new IjProgress(BoParams.SPEC.title());
		run = BoTask.simulate(ImagePlusImages.floatPixels(target), w, h, params, progress, null);
		// A map over a window grid (made from a Sliding FFT Stack) is drawn at the windows' centres.
		Grid grid = BoTask.windowGrid(ImagePlusImages.readInfo(target), w, h);
		Result r = BoTask.result(run, target.getTitle(), grid);
		String name = target.getShortTitle();
		mean = Render.image(r.image(BoTask.MEAN), name);
		std = Render.image(r.image(BoTask.STD), name);
		for (StepRecord s : run.steps()) {
			String label = "step " + s.step() + ", " + s.points() + " points";
			mean.getStack().setSliceLabel(label, s.step() + 1);
			std.getStack().setSliceLabel(label, s.step() + 1);
		}
		// the record travels with the mean stack, as run.json does beside the CLI's files
		String json = Json.write(r.metadata());
		ImagePlusImages.putInfo(mean, Map.of(RUN_KEY, json.replace('\n', ' ')));
		if (record != null && !record.isBlank()) {
			try {
				Files.writeString(new File(record).toPath(), json);
			}
			catch (IOException e) {
				throw new InputException("cannot write the run record " + record + ": " + e.getMessage());
			}
		}
		stepTable = Render.table(r.table(BoTask.STEPS));
		pointTable = Render.table(r.table(BoTask.POINTS));
		discoveryPlot = plot(run, false);
		ssimPlot = plot(run, true);
		ImagePlus on = overlayImage();
		if (on != null) drawPoints(on, run, grid);
		progress.done(r.summary());
	}

	private ImagePlus overlayImage() {
		if (overlay != null && !overlay.isBlank()) {
			ImagePlus imp = WindowManager.getImage(overlay.trim());
			if (imp == null) throw new InputException("no open image is titled '" + overlay + "'; give the title of the " +
				"source image or leave it empty");
			return imp;
		}
		if (source != null && source != target) return source;
		// the stack chain names the image the map was made from; draw on it when it is open
		String from = ImagePlusImages.readInfo(target).get(SlidingFftCommand.SOURCE_KEY);
		ImagePlus named = from != null ? WindowManager.getImage(from) : null;
		return named != null ? named : target;
	}


	/** The steps table as Run AE Workflow shows it too. */
	static ResultsTable stepTable(Run run) {
		return Render.table(BoTask.steps(run));
	}

	static ImagePlus plot(Run run, boolean ssim) {
		List<StepRecord> s = run.steps();
		double[] x = s.stream().mapToDouble(StepRecord::points).toArray();
		double[] y = s.stream().mapToDouble(ssim ? StepRecord::ssim : StepRecord::discovered).toArray();
		Plot p = new Plot(ssim ? "BO SSIM vs points" : "BO discovery vs points", "points measured", ssim
			? "SSIM(GP mean, target)" : "share of feature discovered");
		p.setColor(Color.BLUE);
		p.addPoints(x, y, Plot.CONNECTED_CIRCLES);
		p.setLimitsToFit(false);
		return p.getImagePlus();
	}

	/** A colour per step (blue → red) and the beam path as a polyline through each step's points. */
	static void drawPoints(ImagePlus imp, Run run, Grid grid) {
		Overlay ov = imp.getOverlay() != null ? imp.getOverlay() : new Overlay();
		int n = run.steps().size();
		double bx = Double.NaN, by = Double.NaN;
		for (StepRecord r : run.steps()) {
			float f = n > 1 ? (float) r.step() / (n - 1) : 0;
			Color c = Color.getHSBColor(0.66f * (1 - f), 1, 1);
			int k = r.x().length;
			float[] px = new float[k + 1], py = new float[k + 1];
			PointRoi pts = null;
			for (int i = 0; i < k; i++) {
				double[] p = BoTask.onImage(grid, r.x()[i], r.y()[i]);
				p[0] += 0.5; // overlay coordinates: pixel i spans [i, i + 1)
				p[1] += 0.5;
				px[i + 1] = (float) p[0];
				py[i + 1] = (float) p[1];
				if (pts == null) pts = new PointRoi(p[0], p[1]);
				else pts.addPoint(p[0], p[1]);
			}
			if (!Double.isNaN(bx) && k > 0) {
				px[0] = (float) bx;
				py[0] = (float) by;
				PolygonRoi line = new PolygonRoi(px, py, k + 1, Roi.POLYLINE);
				line.setStrokeColor(c);
				line.setName("path step " + r.step());
				ov.add(line);
			}
			if (pts != null) {
				pts.setStrokeColor(c);
				pts.setFillColor(c);
				pts.setName("step " + r.step());
				ov.add(pts);
			}
			if (k > 0) {
				bx = px[k];
				by = py[k];
			}
		}
		imp.setOverlay(ov);
	}

	public Run result() {
		return run;
	}
}
