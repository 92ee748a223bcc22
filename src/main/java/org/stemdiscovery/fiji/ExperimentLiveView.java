package org.stemdiscovery.fiji;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentSession;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.experiment.PatchRequest;
import org.stemdiscovery.image.Grid;

/**
 * The live view of Run Experiment (Digital Twin): one RGB image of three panels — the survey with the measured
 * patches, their numbers and the beam path; the GP mean; the GP uncertainty — over a status line (measurements,
 * features found when there is a ground truth, dose against a full raster), redrawn after the survey and after
 * every batch.
 *
 * <p>The panels are composed on the experiment's thread from copies, so the window is only handed a finished
 * picture; a shown window is touched only on the event dispatch thread, as ImageJ's drawing expects. Without a
 * window (headless, batch mode) the same picture is kept, for the command to return at the end.
 */
final class ExperimentLiveView implements ExperimentListener {

	static final String SURVEY = "survey + measurements", MEAN = "GP mean", STD = "GP uncertainty";
	private static final int TITLE_BAND = 20, STATUS_BAND = 24, GAP = 6;
	/** Panel side the view aims for: three panels side by side fit a laptop's screen at any frame size. */
	private static final double PANEL_SIDE = 320;
	private static final Color BACKGROUND = new Color(32, 32, 32), PATH = Color.YELLOW;

	private final String title;
	private final boolean show;
	private final Features.Counter counter;
	private final int features;
	/** Every measurement so far: id, step, x px, y px (the layout of the run's points). */
	private final List<double[]> points = new ArrayList<>();
	private volatile ImagePlus image;
	private volatile int stepsSeen;
	private int width, height, patch, panelW, panelH, expectedSteps;
	private double scale, rasterElectrons;
	private Grid grid;
	private int[] surveyPanel;
	private String steering = "";

	/**
	 * @param show  open a window and redraw it live; off keeps the picture without any window
	 * @param truth ground truth to count found features by; null for none
	 */
	ExperimentLiveView(String title, boolean show, Features truth) {
		this.title = title;
		this.show = show;
		this.counter = truth == null ? null : truth.counter();
		this.features = truth == null ? 0 : truth.count();
	}

	@Override
	public void surveyed(ExperimentSession session) {
		width = session.width();
		height = session.height();
		patch = session.settings().patch();
		grid = session.candidates();
		int budget = session.settings().budget(), batch = session.settings().bo().batch();
		expectedSteps = Math.max(1, (budget + batch - 1) / batch);
		scale = Math.min(2, PANEL_SIDE / Math.max(width, height));
		panelW = Math.max(1, (int) Math.round(width * scale));
		panelH = Math.max(1, (int) Math.round(height * scale));
		// a full raster at the measurement dose, from the survey's dose per position and its share of it (a binned
		// survey probes fewer positions than the field has pixels)
		rasterElectrons = session.survey().dosePerPixel() / session.settings().surveyFraction() * width * height;
		steering = session.surveyFit().model().names().get(session.target());
		FloatProcessor s = new FloatProcessor(width, height, session.survey().onField(width, height));
		surveyPanel = panel(s, null);
		publish(compose(null, null, String.format(Locale.ROOT, "survey in (%.1f%% of a full raster's dose); steering by " +
			"%s; measuring %d patches of %d px", 100 * session.survey().electrons() / rasterElectrons, steering, budget,
			patch)));
	}

	@Override
	public void stepped(ExperimentSession session, ExperimentStep step) {
		for (int i = 0; i < step.ids().length; i++) {
			points.add(new double[] { step.ids()[i], step.step(), step.x()[i], step.y()[i] });
			if (counter != null) {
				// the patch's pixels as the microscope was asked for them
				PatchRequest r = new PatchRequest(step.ids()[i], step.x()[i], step.y()[i], patch, 1);
				counter.add(r.left(), r.top(), patch);
			}
		}
		String status = String.format(Locale.ROOT, "%d of %d measurements%s; dose %.1f%% of a full raster",
			step.measurements(), session.settings().budget(), counter == null ? "" : String.format(
				Locale.ROOT, "; found %d of %d features", counter.found(), features), 100 * step.electrons() / rasterElectrons);
		publish(compose(step.mean(), step.std(), status));
		stepsSeen++;
	}

	/** Calls of {@link #stepped} so far. */
	int stepsSeen() {
		return stepsSeen;
	}

	/** Measurements drawn so far. */
	int pointsDrawn() {
		return points.size();
	}

	/** The picture as it stands (null before the survey). */
	ImagePlus image() {
		return image;
	}

	private record Picture(ColorProcessor pixels, Overlay overlay) {}

	private Picture compose(float[] mean, float[] std, String status) {
		int w = 3 * panelW + 4 * GAP, h = TITLE_BAND + panelH + STATUS_BAND;
		ColorProcessor cp = new ColorProcessor(w, h);
		cp.setColor(BACKGROUND);
		cp.fill();
		int[] x0 = { GAP, 2 * GAP + panelW, 3 * GAP + 2 * panelW };
		blit(cp, surveyPanel, x0[0]);
		if (mean != null) blit(cp, panel(onFrame(mean), LutLoader.getLut("fire")), x0[1]);
		if (std != null) blit(cp, panel(onFrame(std), LutLoader.getLut("ice")), x0[2]);
		Overlay ov = new Overlay();
		Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
		String[] titles = { SURVEY, MEAN + (steering.isEmpty() ? "" : " of " + steering), STD };
		for (int p = 0; p < 3; p++)
			ov.add(text(titles[p], x0[p], 3, small, Color.WHITE));
		ov.add(text(status, GAP, TITLE_BAND + panelH + 5, small, Color.WHITE));
		for (Roi r : measurements(points, patch, expectedSteps, scale, x0[0], TITLE_BAND, true))
			ov.add(r);
		for (int p = 1; p < 3; p++)
			if (!points.isEmpty()) ov.add(dots(points, scale, x0[p], TITLE_BAND));
		return new Picture(cp, ov);
	}

	/** Hands the picture to the window on the event dispatch thread, or keeps it when there is no window. */
	private void publish(Picture p) {
		Runnable draw = () -> {
			ImagePlus imp = image;
			if (imp == null) {
				imp = new ImagePlus(title, p.pixels());
				imp.setOverlay(p.overlay());
				image = imp;
				if (show) imp.show();
			}
			else {
				imp.setProcessor(p.pixels());
				imp.setOverlay(p.overlay());
				if (show) imp.updateAndDraw();
			}
		};
		if (show) EventQueue.invokeLater(draw);
		else draw.run();
	}

	/**
	 * The measured patches (a square per patch, coloured by step from blue to red), their ids at their centres and
	 * the beam path through them in order, at {@code scale} and offset by {@code (ox, oy)}.
	 *
	 * @param points id, step, x px, y px per measurement, in beam order
	 */
	static List<Roi> measurements(List<double[]> points, int patch, int steps, double scale, double ox, double oy,
		boolean numbers) {
		List<Roi> out = new ArrayList<>();
		int n = points.size();
		if (n == 0) return out;
		float[] px = new float[n], py = new float[n];
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(9, Math.min(14, patch * scale / 3)));
		for (int i = 0; i < n; i++) {
			double[] p = points.get(i);
			// overlay coordinates count from the pixel's corner: pixel i spans [i, i + 1)
			px[i] = (float) (ox + (p[2] + 0.5) * scale);
			py[i] = (float) (oy + (p[3] + 0.5) * scale);
			float f = steps > 1 ? (float) Math.min(1, p[1] / (steps - 1)) : 0;
			Color c = Color.getHSBColor(0.66f * (1 - f), 1, 1);
			Roi square = new Roi(px[i] - patch * scale / 2, py[i] - patch * scale / 2, patch * scale, patch * scale);
			square.setStrokeColor(c);
			square.setName("patch " + (int) p[0]);
			out.add(square);
			if (numbers) {
				TextRoi t = text(Integer.toString((int) p[0]), px[i], py[i], font, c);
				t.setLocation(px[i] - t.getFloatWidth() / 2, py[i] - t.getFloatHeight() / 2);
				out.add(t);
			}
		}
		if (n > 1) {
			PolygonRoi path = new PolygonRoi(px, py, n, Roi.POLYLINE);
			path.setStrokeColor(PATH);
			path.setName("beam path");
			out.add(0, path);
		}
		return out;
	}

	/** The measured points as dots, for the GP panels. */
	private static PointRoi dots(List<double[]> points, double scale, double ox, double oy) {
		PointRoi r = null;
		for (double[] p : points) {
			double x = ox + (p[2] + 0.5) * scale, y = oy + (p[3] + 0.5) * scale;
			if (r == null) r = new PointRoi(x, y);
			else r.addPoint(x, y);
		}
		r.setPointType(PointRoi.DOT);
		r.setSize(1);
		r.setStrokeColor(Color.WHITE);
		r.setName("measured");
		return r;
	}

	private static TextRoi text(String s, double x, double y, Font font, Color c) {
		TextRoi t = new TextRoi(x, y, s, font);
		t.setStrokeColor(c);
		t.setAntiAlias(true);
		return t;
	}

	/**
	 * A map over the candidate grid spread onto the frame (bilinear between candidate centres, the nearest centre's
	 * value beyond them), so the GP panels line up with the survey pixel for pixel.
	 */
	private FloatProcessor onFrame(float[] map) {
		float[] out = new float[width * height];
		int cols = grid.cols(), rows = grid.rows();
		double step = grid.step(), x0 = grid.centreX(0), y0 = grid.centreY(0);
		for (int y = 0; y < height; y++) {
			double fy = Math.max(0, Math.min(rows - 1, (y - y0) / step));
			int r0 = (int) Math.floor(fy), r1 = Math.min(rows - 1, r0 + 1);
			double ty = fy - r0;
			for (int x = 0; x < width; x++) {
				double fx = Math.max(0, Math.min(cols - 1, (x - x0) / step));
				int c0 = (int) Math.floor(fx), c1 = Math.min(cols - 1, c0 + 1);
				double tx = fx - c0;
				double top = map[r0 * cols + c0] * (1 - tx) + map[r0 * cols + c1] * tx;
				double bottom = map[r1 * cols + c0] * (1 - tx) + map[r1 * cols + c1] * tx;
				out[y * width + x] = (float) (top * (1 - ty) + bottom * ty);
			}
		}
		return new FloatProcessor(width, height, out);
	}

	/** A frame-sized map at the panel's size, contrast stretched to its own range, through a LUT (null = grey). */
	private int[] panel(FloatProcessor fp, IndexColorModel lut) {
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		ImageProcessor sized = panelW == width && panelH == height ? fp : fp.resize(panelW, panelH);
		sized.resetMinAndMax();
		ImageProcessor bytes = sized.convertToByte(true);
		if (lut != null) bytes.setColorModel(lut);
		return (int[]) bytes.convertToRGB().getPixels();
	}

	private void blit(ColorProcessor cp, int[] panel, int x0) {
		int[] dst = (int[]) cp.getPixels();
		int w = cp.getWidth();
		for (int y = 0; y < panelH; y++)
			System.arraycopy(panel, y * panelW, dst, (TITLE_BAND + y) * w + x0, panelW);
	}
}
