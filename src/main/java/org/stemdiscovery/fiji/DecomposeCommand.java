package org.stemdiscovery.fiji;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.measure.ResultsTable;
import ij.process.LUT;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.Nmf;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Decompose (NMF/SVD/N-FINDR): unmixes the current stack (e.g. from Sliding FFT Stack)
 * into k components and their abundance in every frame. With the window grid in the stack's Info the abundances
 * become maps on that grid, and the chosen component's map is laid over the source image in colour; a stack
 * without a grid is decomposed as frames without geometry.
 */
@Plugin(type = Command.class, headless = true, label = "Decompose (NMF/SVD/N-FINDR)")
public class DecomposeCommand extends StemCommand {

	/** Name of the overlay element this command draws on the source image (replaced on the next run). */
	static final String OVERLAY_NAME = "stem-discovery abundance";

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Method", choices = { "nmf", "svd", "nfindr", "nmf-mu" }, persist = false,
		description = "nmf: non-negative parts; svd: principal directions; nfindr: purest frames as endmembers; " +
			"nmf-mu: NMF by multiplicative updates")
	private String method = "nmf";

	@Parameter(label = "Components (k)", min = "1", persist = false)
	private int components = 3;

	@Parameter(label = "Seed", persist = false)
	private int seed = 0;

	@Parameter(label = "Iterations (max)", min = "1", persist = false,
		description = "NMF iterations or N-FINDR passes")
	private int iterations = 500;

	@Parameter(label = "Overlay component (0 = none)", min = "0", persist = false,
		description = "Component whose abundance map is laid over the source image")
	private int overlay = 1;

	@Parameter(label = "Shift negative data to a zero minimum (NMF)", persist = false,
		description = "NMF refuses negative values unless this is on")
	private boolean shift = false;

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus componentStack;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus abundanceStack;

	@Parameter(type = ItemIO.OUTPUT, label = "Decomposition")
	private ResultsTable table;

	private Decomposition decomposition;

	@Override
	protected void execute() {
		if (image == null) throw new InputException("no image is open; open a stack (e.g. from Sliding FFT Stack) first");
		if (image.getStackSize() < 2) throw new InputException("'" + image.getTitle() + "' is a single 2-D image; " +
			"Decompose needs a stack of descriptors: run Plugins › STEM Discovery › Sliding FFT Stack on it first");
		if (image.getBitDepth() == 24) throw new InputException("'" + image.getTitle() +
			"' is an RGB stack; convert it to 32-bit first (Image › Type › 32-bit)");
		int w = image.getWidth(), h = image.getHeight(), n = image.getStackSize();
		if (overlay > components) throw new InputException("overlay component " + overlay + " is above k " + components +
			"; choose 0.." + components);
		Grid grid = SlidingFftCommand.gridOf(image);
		Samples samples = new Samples(frames(image), n, w * h, grid);
		int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		IjProgress progress = new IjProgress("Decompose");
		Unmixer unmixer = Unmixer.of(method, components, seed, iterations, nThreads);
		if (shift && unmixer instanceof Nmf nmf) unmixer = new Nmf(nmf.settings().withShift(true));
		decomposition = unmixer.unmix(samples, progress);
		Decomposition d = decomposition;
		String title = image.getShortTitle();
		Map<String, String> info = new LinkedHashMap<>();
		String source = ImagePlusImages.readInfo(image).get(SlidingFftCommand.SOURCE_KEY);
		if (source != null) info.put(SlidingFftCommand.SOURCE_KEY, source);
		info.put("stemdiscovery.decompose.method", d.method());
		info.put("stemdiscovery.decompose.k", Integer.toString(d.k()));
		info.put("stemdiscovery.decompose.relativeError", Double.toString(d.relativeError()));
		componentStack = ImagePlusImages.floatStack(title + "-components", d.componentsAsFloats(), w, h, d.k());
		componentStack.setCalibration(image.getCalibration().copy());
		ImagePlusImages.putInfo(componentStack, info);
		if (grid != null) {
			abundanceStack = ImagePlusImages.floatStack(title + "-abundances", d.abundancesAsFloats(), grid.cols(),
				grid.rows(), d.k());
			Map<String, String> mapInfo = new LinkedHashMap<>(info);
			mapInfo.putAll(grid.toProperties());
			ImagePlusImages.putInfo(abundanceStack, mapInfo);
			if (overlay > 0) overlaySource(source, grid, d, overlay - 1);
		}
		table = table(d, grid);
		IJ.log(String.format("Decompose %s: %s, k %d, relative reconstruction error ‖X−WH‖/‖X‖ = %.6f " +
			"(%d iterations%s)", image.getTitle(), d.method(), d.k(), d.relativeError(), d.iterations(),
			d.converged() ? "" : ", cap reached"));
		progress.done(d.method() + ": error " + String.format("%.4f", d.relativeError()));
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
	 * One row per component with stable column names for macros: {@code Share} is the share of variance (SVD),
	 * of reconstructed intensity (NMF) or the mean abundance (N-FINDR), see {@link Decomposition#share()}.
	 */
	static ResultsTable table(Decomposition d, Grid grid) {
		ResultsTable rt = new ResultsTable(d.k());
		for (int t = 0; t < d.k(); t++) {
			double[] st = d.abundanceStats(t);
			rt.setValue("Component", t, t + 1);
			rt.setValue("Share", t, d.share()[t]);
			rt.setValue("Min", t, st[0]);
			rt.setValue("Mean", t, st[1]);
			rt.setValue("Max", t, st[2]);
			if (d.singularValues() != null) rt.setValue("Singular value", t, d.singularValues()[t]);
			if (d.endmembers() != null) {
				int e = d.endmembers()[t];
				rt.setValue("Endmember frame", t, e + 1);
				if (grid != null) {
					rt.setValue("X", t, grid.centreX(grid.col(e)));
					rt.setValue("Y", t, grid.centreY(grid.row(e)));
				}
			}
		}
		rt.showRowNumbers(false);
		return rt;
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
