package org.stemdiscovery.fiji;


import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.DecomposeParams;
import org.stemdiscovery.command.DecomposeTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Decompose (NMF/SVD/N-FINDR): the Fiji door onto {@link DecomposeTask}. Unmixes the
 * current stack (e.g. from Sliding FFT Stack) into k components and their abundance in every frame. With the
 * window grid in the stack's Info the abundances become maps on that grid, and the chosen component's map is laid
 * over the source image in colour; a stack without a grid is decomposed as frames without geometry (no maps).
 * Labels, defaults, ranges and choices are {@link DecomposeParams#SPEC}'s (see {@link StemCommand}).
 */
@Plugin(type = Command.class, headless = true, label = "Decompose (NMF/SVD/N-FINDR)")
public class DecomposeCommand extends StemCommand {

	/** Name of the overlay element this command draws on the source image (replaced on the next run). */
	static final String OVERLAY_NAME = "stem-discovery abundance";

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Method", persist = false) private String method;
	@Parameter(label = "Components (k)", persist = false) private int components;
	@Parameter(label = "Seed", persist = false) private int seed;
	@Parameter(label = "Iterations (max)", persist = false) private int iterations;
	@Parameter(label = "Tolerance (NMF stopping)", persist = false) private double tol;
	@Parameter(label = "Start (N-FINDR)", persist = false) private String start;

	/** Drawing only: which component's map is laid over the source image. */
	@Parameter(label = "Overlay component (0 = none)", min = "0", persist = false,
		description = "Component whose abundance map is laid over the source image")
	private int overlay = 1;

	@Parameter(label = "Shift negative data to a zero minimum (NMF)", persist = false) private boolean shift;
	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus componentStack;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus abundanceStack;

	@Parameter(type = ItemIO.OUTPUT, label = DecomposeTask.TABLE)
	private ResultsTable table;

	private Decomposition decomposition;

	@Override
	public Spec spec() {
		return DecomposeParams.SPEC;
	}


	@Override
	protected void execute() {
		if (image == null) throw new InputException("no image is open; open a stack (e.g. from Sliding FFT Stack) first");
		if (image.getBitDepth() == 24) throw new InputException("'" + image.getTitle() +
			"' is an RGB stack; convert it to 32-bit first (Image › Type › 32-bit)");
		DecomposeParams params = DecomposeParams.from(values());
		if (overlay > params.components()) throw new InputException("overlay component " + overlay + " is above k " +
			params.components() + "; choose 0.." + params.components());
		Grid grid = SlidingFftCommand.gridOf(image);
		String source = ImagePlusImages.readInfo(image).get(SlidingFftCommand.SOURCE_KEY);
		IjProgress progress = new IjProgress(DecomposeParams.SPEC.title());
		DecomposeTask.Output out = DecomposeTask.compute(frames(image), image.getStackSize(), image.getWidth(), image
			.getHeight(), grid, image.getTitle(), source, params, progress);
		decomposition = out.decomposition();
		Result r = out.result();
		componentStack = Render.image(r.image(DecomposeTask.COMPONENTS), image.getShortTitle());
		componentStack.setCalibration(image.getCalibration().copy());
		if (grid != null) {
			abundanceStack = Render.image(r.image(DecomposeTask.ABUNDANCES), image.getShortTitle());
			if (overlay > 0) overlaySource(source, grid, decomposition, overlay - 1);
		}
		table = Render.table(r.table(DecomposeTask.TABLE));
		IJ.log("Decompose " + image.getTitle() + ": " + r.summary());
		progress.done(r.summary());
	}

	/** The frames back to back as floats (a copy: 8/16-bit stacks are converted). */
	private static float[] frames(ImagePlus imp) {
		int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		float[] out = new float[w * h * n];
		for (int s = 1; s <= n; s++) {
			float[] plane = (float[]) imp.getStack().getProcessor(s).convertToFloat().getPixels();
			System.arraycopy(plane, 0, out, (s - 1) * w * h, w * h);
		}
		return out;
	}

	/**
	 * Lays component t's abundance, interpolated from the window centres to every pixel, over the source image
	 * as a half-transparent colour image (Fire LUT), replacing only what this command drew before.
	 */
	private static void overlaySource(String sourceTitle, Grid grid, Decomposition d, int t) {
		ImagePlus src = sourceTitle == null ? null : WindowManager.getImage(sourceTitle);
		if (src == null) {
			IJ.log("Decompose: source image '" + sourceTitle + "' is not open; no abundance overlay drawn");
			return;
		}
		if (src.getWidth() != grid.sourceWidth() || src.getHeight() != grid.sourceHeight()) {
			IJ.log("Decompose: '" + sourceTitle + "' is " + src.getWidth() + " x " + src.getHeight() +
				" px, not the " + grid.sourceWidth() + " x " + grid.sourceHeight() + " px the stack was made from; " +
				"no abundance overlay drawn");
			return;
		}
		src.setOverlay(abundanceOverlay(src.getOverlay(), grid, d, t));
	}

	static Overlay abundanceOverlay(Overlay existing, Grid grid, Decomposition d, int t) {
		return MapOverlay.over(existing, grid, d.abundances()[t], OVERLAY_NAME);
	}

	public ImagePlus componentStack() {
		return componentStack;
	}

	public ImagePlus abundanceStack() {
		return abundanceStack;
	}

	public ResultsTable table() {
		return table;
	}

	/** The decomposition behind the outputs (for scripts). */
	public Decomposition decomposition() {
		return decomposition;
	}
}
