package org.stemdiscovery.fiji;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
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
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.SimulatedMicroscope;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.TimeModel;
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

	@Parameter(label = "Kernel", choices = { "matern52", "rbf", "rq" }, persist = false)
	private String kernel = "matern52";

	@Parameter(label = "Length scale (px, or fit)", persist = false,
		description = "Correlation length d in pixels (typically 1-20), or 'fit' to maximise the marginal likelihood")
	private String length = "5";

	@Parameter(label = "Acquisition", choices = { "ei", "ucb", "pi" }, persist = false)
	private String acquisition = "ei";

	@Parameter(label = "Parameter of acquisition (xi or beta; -1 = default)", persist = false)
	private double parameter = -1;

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch = 10;

	@Parameter(label = "Steps", min = "0", persist = false)
	private int steps = 30;

	@Parameter(label = "Seed points (1 = one point, n = n x n grid)", min = "1", persist = false)
	private int seeds = 1;

	@Parameter(label = "Random seed", persist = false)
	private long seed = 0;

	@Parameter(label = "Batching", choices = { "kb", "lp" }, persist = false,
		description = "kb = kriging believer, lp = local penalisation (exclusion radius = length scale)")
	private String batching = "kb";

	@Parameter(label = "Path planning (short beam path per batch)", persist = false)
	private boolean path = true;

	@Parameter(label = "Travel cost (acquisition per px)", min = "0", persist = false)
	private double travel = 0;

	@Parameter(label = "Threshold of feature (otsu or a value)", persist = false)
	private String threshold = "otsu";

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

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

	@Parameter(type = ItemIO.OUTPUT, label = "BO steps")
	private ResultsTable stepTable;

	@Parameter(type = ItemIO.OUTPUT, label = "BO points")
	private ResultsTable pointTable;

	@Parameter(type = ItemIO.OUTPUT, label = "Discovery plot")
	private ImagePlus discoveryPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM plot")
	private ImagePlus ssimPlot;

	private Run run;

	@Override
	protected void execute() {
		if (target == null) throw new InputException("Simulate BO needs a target map; open one first");
		int w = target.getWidth(), h = target.getHeight();
		float[] t = ImagePlusImages.floatPixels(target);
		BoSettings s = settings();
		IjProgress progress = new IjProgress("Simulate BO");
		run = new Experiment(s).run(new SimulatedMicroscope(t, w, h, 0, s.seed(), TimeModel.defaults()), t, true, progress,
			null);
		int n = run.steps().size();
		float[] m = new float[w * h * n], sd = new float[w * h * n];
		for (StepRecord r : run.steps()) {
			System.arraycopy(r.mean(), 0, m, r.step() * w * h, w * h);
			System.arraycopy(r.std(), 0, sd, r.step() * w * h, w * h);
		}
		String name = target.getShortTitle();
		mean = ImagePlusImages.floatStack(name + "-bo-mean", m, w, h, n);
		std = ImagePlusImages.floatStack(name + "-bo-std", sd, w, h, n);
		for (StepRecord r : run.steps()) {
			String label = "step " + r.step() + ", " + r.points() + " points";
			mean.getStack().setSliceLabel(label, r.step() + 1);
			std.getStack().setSliceLabel(label, r.step() + 1);
		}
		String json = Json.write(run.toMap(target.getTitle()));
		Map<String, String> info = new LinkedHashMap<>();
		info.put(RUN_KEY, json.replace('\n', ' '));
		ImagePlusImages.putInfo(mean, info);
		if (record != null && !record.isBlank()) {
			try {
				Files.writeString(new File(record).toPath(), json);
			}
			catch (IOException e) {
				throw new InputException("cannot write the run record " + record + ": " + e.getMessage());
			}
		}
		// A map over a window grid (made from a Sliding FFT Stack) is drawn at the windows' centres.
		Grid grid = SlidingFftCommand.gridOf(target);
		if (grid != null && (grid.cols() != w || grid.rows() != h)) grid = null;
		stepTable = stepTable(run);
		pointTable = pointTable(run, grid);
		discoveryPlot = plot(run, false);
		ssimPlot = plot(run, true);
		ImagePlus on = overlayImage();
		if (on != null) drawPoints(on, run, grid);
		progress.done(run.last().points() + " points, discovered " + String.format("%.3f", run.last().discovered()));
	}

	private BoSettings settings() {
		boolean fit = length.trim().equalsIgnoreCase("fit");
		double l;
		try {
			l = fit ? 10 : Double.parseDouble(length.trim());
		}
		catch (NumberFormatException e) {
			throw new InputException("length scale '" + length + "' is neither a number of pixels nor 'fit'");
		}
		double th;
		try {
			th = threshold.trim().equalsIgnoreCase("otsu") ? Double.NaN : Double.parseDouble(threshold.trim());
		}
		catch (NumberFormatException e) {
			throw new InputException("threshold '" + threshold + "' is neither 'otsu' nor a number");
		}
		int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		return new BoSettings(kernel, l, fit, 1, 1e-6, acquisition, parameter < 0 ? Double.NaN : parameter, Goal.MAXIMISE,
			batch, steps, seeds, seed, BatchMode.parse(batching), Double.NaN, path, travel, th, Double.NaN, 0, n);
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

	/**
	 * Source-image pixel coordinates (pixel index, as the Grid counts) of a target pixel: the window centre when
	 * the target is a map over a window grid, else the pixel itself.
	 */
	private static double[] toImage(Grid grid, int x, int y) {
		if (grid == null) return new double[] { x, y };
		return new double[] { grid.centreX(x), grid.centreY(y) };
	}

	static ResultsTable stepTable(Run run) {
		ResultsTable rt = new ResultsTable();
		for (StepRecord r : run.steps()) {
			rt.incrementCounter();
			rt.addValue("step", r.step());
			rt.addValue("points", r.points());
			rt.addValue("ssim", r.ssim());
			rt.addValue("mean_std", r.meanStd());
			rt.addValue("discovered", r.discovered());
			rt.addValue("path_length_px", r.pathLength());
			rt.addValue("compute_ms", r.computeSeconds() * 1e3);
			rt.addValue("instrument_s", r.instrumentSeconds());
			rt.addValue("length_scale_px", r.hyperparameters().kernel().lengthScale());
		}
		return rt;
	}

	private static ResultsTable pointTable(Run run, Grid grid) {
		ResultsTable rt = new ResultsTable();
		for (StepRecord r : run.steps())
			for (int i = 0; i < r.x().length; i++) {
				double[] p = toImage(grid, r.x()[i], r.y()[i]);
				rt.incrementCounter();
				rt.addValue("x", r.x()[i]);
				rt.addValue("y", r.y()[i]);
				rt.addValue("value", r.values()[i]);
				rt.addValue("step", r.step());
				rt.addValue("image_x", p[0]);
				rt.addValue("image_y", p[1]);
			}
		return rt;
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
				double[] p = toImage(grid, r.x()[i], r.y()[i]);
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
