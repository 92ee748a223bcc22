package org.stemdiscovery.fiji;

import java.awt.Color;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.command.AtomsParams;
import org.stemdiscovery.command.AtomsTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Table;
import org.stemdiscovery.image.Images;

/**
 * Plugins › STEM Discovery › Find Atoms (DCNN): the Fiji door onto {@link AtomsTask}. Results: a point overlay
 * on the image (atoms yellow, bright columns red), a table {@code X, Y, Class, Probability} titled "Atoms",
 * and on request the probability map. The ROI Manager is touched only when asked. Labels, defaults, ranges
 * and choices are {@link AtomsParams#SPEC}'s (see {@link StemCommand}); a recorded {@code method=classical}
 * still runs the LoG finder.
 */
@Plugin(type = Command.class, headless = true, label = "Find Atoms (DCNN)")
public class FindAtomsCommand extends StemCommand {

	/** Title of the results table, which Extract Atom Patches reads by default. */
	public static final String TABLE = AtomsTask.TABLE;
	public static final Color ATOM = new Color(255, 220, 0), BRIGHT = new Color(255, 40, 40);

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Method", persist = false) private String method;

	@Parameter(label = "Threshold (DCNN probability)", stepSize = "0.05", persist = false)
	private double threshold;

	@Parameter(label = "Refine positions by Gaussian fit", persist = false) private boolean refine;
	@Parameter(label = "Maximum refinement shift (px)", persist = false) private double shift;
	@Parameter(label = "Augment: average 8 mirrored passes (slower; for very noisy images)", persist = false) private boolean augment;
	@Parameter(label = "Model (default or path to .pt / .params)", persist = false) private String model;
	@Parameter(label = "Edge exclusion (px)", persist = false) private double edge;
	@Parameter(label = "Tile size for the network (px)", persist = false) private int tile;
	@Parameter(label = "Sigma of LoG blobs (px; 0 = from lattice spacing)", persist = false) private double sigma;
	@Parameter(label = "SNR of LoG peaks (noise levels)", persist = false) private double snr;
	@Parameter(label = "Threads (0 = default)", persist = false) private int threads;

	@Parameter(label = "Probability map as image", persist = false)
	private boolean probabilityMap = false;

	@Parameter(label = "ROI Manager: add the points", persist = false)
	private boolean roiManager = false;

	@Parameter(type = ItemIO.OUTPUT, label = TABLE)
	private ResultsTable atoms;

	@Parameter(type = ItemIO.OUTPUT, label = "Atom probability")
	private ImagePlus probability;

	@Override
	public Spec spec() {
		return AtomsParams.SPEC;
	}


	@Override
	protected void execute() {
		AtomsParams params = AtomsParams.from(values());
		float[] pixels = Images.toFloatArray(ImagePlusImages.wrapPlane(image));
		IjProgress progress = new IjProgress("Find Atoms");
		Result r = AtomsTask.run(pixels, image.getWidth(), image.getHeight(), image.getTitle(), params, progress);
		Table found = r.table(AtomsTask.TABLE);
		atoms = Render.table(found);
		atoms.setDecimalPlaces(0, 3);
		List<FoundAtom> list = atomsOf(found);
		image.setOverlay(overlay(list));
		if (roiManager) addToRoiManager(list);
		if (probabilityMap) {
			probability = Render.image(r.image(AtomsTask.PROBABILITY), image.getShortTitle());
			probability.setCalibration(image.getCalibration().copy());
		}
		progress.done(r.summary());
	}

	/** The atoms of the task's table, for drawing. */
	private static List<FoundAtom> atomsOf(Table t) {
		return java.util.stream.IntStream.range(0, t.size()).mapToObj(i -> new FoundAtom(((Number) t.get("X", i))
			.doubleValue(), ((Number) t.get("Y", i)).doubleValue(), ((Number) t.get("Class", i)).intValue(), ((Number) t
				.get("Probability", i)).doubleValue())).toList();
	}

	/** One point selection per class; ImageJ puts a pixel's centre at +0.5. */
	static Overlay overlay(List<FoundAtom> found) {
		Overlay o = new Overlay();
		for (int cls : new int[] { FoundAtom.ATOM, FoundAtom.BRIGHT }) {
			PointRoi p = null;
			for (FoundAtom a : found)
				if (a.cls() == cls) {
					if (p == null) p = new PointRoi(a.x() + 0.5, a.y() + 0.5);
					else p.addPoint(a.x() + 0.5, a.y() + 0.5);
				}
			if (p == null) continue;
			p.setStrokeColor(cls == FoundAtom.BRIGHT ? BRIGHT : ATOM);
			p.setName(cls == FoundAtom.BRIGHT ? "bright columns" : "atom columns");
			o.add(p);
		}
		return o;
	}

	private void addToRoiManager(List<FoundAtom> found) {
		RoiManager rm = RoiManager.getInstance();
		if (rm == null) rm = new RoiManager(java.awt.GraphicsEnvironment.isHeadless());
		for (var roi : overlay(found).toArray())
			rm.addRoi(roi);
	}

	public ResultsTable atoms() {
		return atoms;
	}

	public ImagePlus probability() {
		return probability;
	}
}
