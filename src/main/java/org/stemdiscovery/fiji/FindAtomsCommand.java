package org.stemdiscovery.fiji;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.LogAtomFinder;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Find Atoms (DCNN): atomic columns of the current image, by the bundled
 * network (or a TorchScript model) or the classical LoG finder. Results: a point overlay on the image
 * (atoms yellow, bright columns red), a table {@code X, Y, Class, Probability} titled "Atoms", and on
 * request the probability map. The ROI Manager is touched only when asked.
 */
@Plugin(type = Command.class, headless = true, label = "Find Atoms (DCNN)")
public class FindAtomsCommand extends StemCommand {

	/** Title of the results table, which Extract Atom Patches reads by default. */
	public static final String TABLE = "Atoms";
	public static final Color ATOM = new Color(255, 220, 0), BRIGHT = new Color(255, 40, 40);

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Method", choices = { "dcnn", "classical" }, persist = false,
		description = "dcnn: the bundled U-Net; classical: Laplacian of Gaussian with Gaussian refinement")
	private String method = "dcnn";

	@Parameter(label = "Threshold (DCNN probability)", min = "0.01", max = "0.99", stepSize = "0.05", persist = false)
	private double threshold = 0.5;

	@Parameter(label = "Refine positions by Gaussian fit", persist = false)
	private boolean refine = false;

	@Parameter(label = "Maximum refinement shift (px)", min = "0.1", persist = false)
	private double maxShift = 1.5;

	@Parameter(label = "Augment: average 8 mirrored passes (slower; for very noisy images)", persist = false)
	private boolean augment = false;

	@Parameter(label = "Model (default or path to .pt / .params)", persist = false)
	private String model = "default";

	@Parameter(label = "Probability map as image", persist = false)
	private boolean probabilityMap = false;

	@Parameter(label = "ROI Manager: add the points", persist = false)
	private boolean roiManager = false;

	@Parameter(type = ItemIO.OUTPUT, label = TABLE)
	private ResultsTable atoms;

	@Parameter(type = ItemIO.OUTPUT, label = "Atom probability")
	private ImagePlus probability;

	@Override
	protected void execute() {
		float[] pixels = Images.toFloatArray(ImagePlusImages.wrapPlane(image));
		int w = image.getWidth(), h = image.getHeight();
		AtomFinder.check(pixels, w, h);
		FinderSettings s = FinderSettings.defaults().withThreshold(threshold).withRefine(refine || method.equals(
			"classical")).withMaxShift(maxShift).withAugment(augment);
		IjProgress progress = new IjProgress("Find Atoms");
		Detection d;
		if (method.equals("dcnn")) {
			try (AtomModel m = AtomModel.named(model)) {
				d = new DcnnAtomFinder(m, s).detect(pixels, w, h, progress);
			}
		}
		else if (method.equals("classical")) d = new LogAtomFinder(0, 0, 3, s).detect(pixels, w, h, progress);
		else throw new InputException("method '" + method + "' is unknown; choose dcnn or classical");
		atoms = table(d.atoms());
		image.setOverlay(overlay(d.atoms()));
		if (roiManager) addToRoiManager(d.atoms());
		if (probabilityMap) {
			probability = ImagePlusImages.floatStack(image.getShortTitle() + "-atom-probability", d.probability(), w, h, 1);
			Map<String, String> info = new LinkedHashMap<>();
			info.put("stemdiscovery.source", image.getTitle());
			info.put("stemdiscovery.atoms.method", method);
			ImagePlusImages.putInfo(probability, info);
			probability.setCalibration(image.getCalibration().copy());
		}
		long bright = d.atoms().stream().filter(a -> a.cls() == FoundAtom.BRIGHT).count();
		progress.done(d.atoms().size() + " atoms, " + bright + " bright");
	}

	/** X, Y in pixels with the origin at the centre of the top-left pixel; Class 0 atom, 1 bright. */
	static ResultsTable table(List<FoundAtom> found) {
		ResultsTable rt = new ResultsTable(found.size());
		for (int i = 0; i < found.size(); i++) {
			FoundAtom a = found.get(i);
			rt.setValue("X", i, a.x());
			rt.setValue("Y", i, a.y());
			rt.setValue("Class", i, a.cls());
			rt.setValue("Probability", i, a.probability());
		}
		rt.setDecimalPlaces(0, 3);
		return rt;
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
