package org.stemdiscovery.fiji;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.fft.Taper;
import org.stemdiscovery.image.Grid;

/**
 * Plugins › STEM Discovery › Sliding FFT Stack: local FFT magnitudes of windows slid over the current
 * image, as a 32-bit stack whose Info carries the window grid for the commands that follow.
 *
 * <p>The menu entry comes from {@code plugins.config} through {@link CommandBridge}, so the command has no
 * {@code menuPath} here: one registration, one menu item in Fiji and in plain ImageJ. Labels start with
 * distinct words because ImageJ macro keys are the first word of each label.
 */
@Plugin(type = Command.class, headless = true, label = "Sliding FFT Stack")
public class SlidingFftCommand extends StemCommand {

	/** Info key naming the image the stack was made from. */
	public static final String SOURCE_KEY = "stemdiscovery.source";

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Window size (px)", min = "4", persist = false,
		description = "Side of the square window; 2-4 lattice spacings or more")
	private int window = 64;

	@Parameter(label = "Step (px)", min = "1", persist = false, description = "Distance between window positions")
	private int step = 16;

	@Parameter(label = "Zoom (keep central 1/zoom of frequencies)", min = "1", persist = false)
	private int zoom = 1;

	@Parameter(label = "Taper", choices = { "hann", "none" }, persist = false)
	private String taper = "hann";

	@Parameter(label = "Linear magnitude (no log)", persist = false)
	private boolean linear = false;

	@Parameter(label = "Subtract window mean", persist = false)
	private boolean subtract = false;

	@Parameter(label = "Overlay window grid on image", persist = false)
	private boolean overlay = true;

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "FFT Stack")
	private ImagePlus stack;

	/** Shown under the title "FFT Windows", which macros read with {@code Table.get(col, row, "FFT Windows")}. */
	@Parameter(type = ItemIO.OUTPUT, label = "FFT Windows")
	private ResultsTable windows;

	@Override
	protected void execute() {
		SlidingFftSettings settings = SlidingFftSettings.of(window, step).withZoom(zoom).withTaper(Taper.parse(taper))
			.withLog(!linear).withRemoveMean(subtract);
		int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		IjProgress progress = new IjProgress("Sliding FFT Stack");
		FftStack fft = new SlidingFft(settings, n).compute(ImagePlusImages.wrapPlane(image), progress);
		int f = fft.frameSize();
		stack = ImagePlusImages.floatStack(image.getShortTitle() + "-fft", fft.data(), f, f, fft.size());
		Map<String, String> info = new LinkedHashMap<>();
		info.put(SOURCE_KEY, image.getTitle());
		info.putAll(fft.grid().toProperties());
		info.putAll(settings.toProperties());
		ImagePlusImages.putInfo(stack, info);
		stack.setCalibration(frequencyCalibration(image.getCalibration(), settings));
		windows = WindowTable.of(fft.grid(), image.getCalibration());
		if (overlay) GridOverlay.draw(image, fft.grid());
		progress.done(fft.size() + " windows of " + window + " px");
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
