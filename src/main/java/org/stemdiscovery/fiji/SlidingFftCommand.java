package org.stemdiscovery.fiji;

import java.util.Map;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.FftParams;
import org.stemdiscovery.command.FftTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;

/**
 * Plugins › STEM Discovery › Sliding FFT Stack: the Fiji door onto {@link FftTask}. The stack's Info carries
 * the window grid for the commands that follow; the grid is drawn on the image when asked.
 *
 * <p>The menu entry comes from {@code plugins.config} through {@link CommandBridge}, so the command has no
 * {@code menuPath} here: one registration, one menu item in Fiji and in plain ImageJ. Labels, defaults,
 * ranges and choices are {@link FftParams#SPEC}'s (see {@link StemCommand}).
 */
@Plugin(type = Command.class, headless = true, label = "Sliding FFT Stack")
public class SlidingFftCommand extends StemCommand {

	/** Info key naming the image the stack was made from. */
	public static final String SOURCE_KEY = FftTask.SOURCE_KEY;

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Window size (px)", persist = false) private int window;
	@Parameter(label = "Step (px)", persist = false) private int step;
	@Parameter(label = "Zoom (keep central 1/zoom of frequencies)", persist = false) private int zoom;
	@Parameter(label = "Taper", persist = false) private String taper;
	@Parameter(label = "Linear magnitude (no log)", persist = false) private boolean linear;
	@Parameter(label = "Subtract window mean", persist = false) private boolean subtract;

	@Parameter(label = "Overlay window grid on image", persist = false)
	private boolean overlay = true;

	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	@Parameter(type = ItemIO.OUTPUT, label = "FFT Stack")
	private ImagePlus stack;

	/** Shown under the title "FFT Windows", which macros read with {@code Table.get(col, row, "FFT Windows")}. */
	@Parameter(type = ItemIO.OUTPUT, label = FftTask.WINDOWS)
	private ResultsTable windows;

	@Override
	public Spec spec() {
		return FftParams.SPEC;
	}


	@Override
	protected void execute() {
		FftParams params = FftParams.from(values());
		IjProgress progress = new IjProgress(FftParams.SPEC.title());
		Result r = FftTask.run(ImagePlusImages.wrapPlane(image), image.getTitle(), ImagePlusImages.scale(image), params,
			progress);
		stack = Render.image(r.image(FftTask.STACK), image.getShortTitle());
		stack.setCalibration(frequencyCalibration(image.getCalibration(), params.settings()));
		windows = Render.table(r.table(FftTask.WINDOWS));
		if (overlay) GridOverlay.draw(image, gridOf(stack));
		progress.done(r.summary());
	}

	/** Frame pixels in reciprocal units of the source image's calibration, zero frequency at the centre. */
	private static Calibration frequencyCalibration(Calibration source, SlidingFftSettings s) {
		Calibration c = new Calibration();
		if (source.scaled() && s.shift()) {
			c.pixelWidth = c.pixelHeight = 1.0 / (s.window() * source.pixelWidth);
			c.setUnit("1/" + source.getUnit());
			c.xOrigin = c.yOrigin = s.frameSize() / 2.0;
		}
		return c;
	}

	public ImagePlus stack() {
		return stack;
	}

	public ResultsTable windows() {
		return windows;
	}

	/** Reads the grid a stack made by this command carries; {@code null} if it carries none. */
	public static Grid gridOf(ImagePlus stack) {
		Map<String, String> info = ImagePlusImages.readInfo(stack);
		return Grid.isIn(info) ? Grid.fromProperties(info) : null;
	}
}
