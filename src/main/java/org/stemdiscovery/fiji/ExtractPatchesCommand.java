package org.stemdiscovery.fiji;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.Patches;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Extract Atom Patches: a stack of atom-centred patches of the current image,
 * from the atoms in a results table (by default "Atoms", from Find Atoms (DCNN)) or a CSV file. The stack's
 * Info maps every slice to its atom ({@code stemdiscovery.patch.N = atom-index x y class probability}), so
 * rVAE latents computed from the stack can be drawn back onto the atoms. Patches crossing the border are
 * skipped and counted in the Log.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Atom Patches")
public class ExtractPatchesCommand extends StemCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Size of patches (px)", min = "4", persist = false)
	private int size = 32;

	@Parameter(label = "Table with atoms (title)", persist = false)
	private String table = FindAtomsCommand.TABLE;

	@Parameter(label = "CSV file with atoms (instead of the table)", required = false, persist = false)
	private String csv = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus patches;

	@Parameter(type = ItemIO.OUTPUT, label = "Patch atoms")
	private ResultsTable patchAtoms;

	@Override
	protected void execute() {
		float[] pixels = Images.toFloatArray(ImagePlusImages.wrapPlane(image));
		int w = image.getWidth(), h = image.getHeight();
		List<FoundAtom> atoms = csv != null && !csv.isBlank() ? AtomTable.read(Path.of(csv.trim())) : fromTable(table);
		Patches p = Patches.extract(pixels, w, h, atoms, size);
		if (p.count() == 0) throw new InputException("every one of the " + atoms.size() + " atoms is closer than " + size /
			2 + " px to the border; choose a smaller patch size");
		patches = ImagePlusImages.floatStack(image.getShortTitle() + "-patches", p.stack(), size, size, p.count());
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.source", image.getTitle());
		info.putAll(AtomTable.patchInfo(p, atoms));
		// The rVAE commands read atom positions in this form, so Train rVAE rasterises latents onto the atoms.
		double[] kx = new double[p.count()], ky = new double[p.count()];
		int[] index = new int[p.count()];
		for (int k = 0; k < p.count(); k++) {
			index[k] = p.kept().get(k);
			kx[k] = atoms.get(index[k]).x();
			ky[k] = atoms.get(index[k]).y();
		}
		info.putAll(new AtomPatches(new PatchStack(p.stack(), size, size, p.count()), kx, ky, index, w, h).toProperties());
		ImagePlusImages.putInfo(patches, info);
		patchAtoms = new ResultsTable(p.count());
		for (int k = 0; k < p.count(); k++) {
			FoundAtom a = atoms.get(p.kept().get(k));
			patchAtoms.setValue("Patch", k, k + 1);
			patchAtoms.setValue("Atom", k, p.kept().get(k));
			patchAtoms.setValue("X", k, a.x());
			patchAtoms.setValue("Y", k, a.y());
			patchAtoms.setValue("Class", k, a.cls());
			patchAtoms.setValue("Probability", k, a.probability());
		}
		IJ.log("Extract Atom Patches: " + p.count() + " patches of " + size + " px; " + p.skipped() +
			" atoms skipped because their patch would cross the border");
	}

	/** Atoms from an open results table with columns X and Y (and optionally Class, Probability). */
	static List<FoundAtom> fromTable(String title) {
		ResultsTable rt = ResultsTable.getResultsTable(title);
		if (rt == null) throw new InputException("no open table titled '" + title + "'; run Find Atoms (DCNN) first or " +
			"give a CSV file with x,y columns");
		return fromTable(rt, title);
	}

	static List<FoundAtom> fromTable(ResultsTable rt, String title) {
		if (!rt.columnExists("X") || !rt.columnExists("Y")) throw new InputException("table '" + title +
			"' has no X and Y columns; use the table made by Find Atoms (DCNN)");
		List<FoundAtom> out = new ArrayList<>();
		boolean cls = rt.columnExists("Class"), prob = rt.columnExists("Probability");
		for (int i = 0; i < rt.size(); i++)
			out.add(new FoundAtom(rt.getValue("X", i), rt.getValue("Y", i), cls ? (int) rt.getValue("Class", i) : 0, prob ? rt
				.getValue("Probability", i) : 1));
		if (out.isEmpty()) throw new InputException("table '" + title + "' is empty; find atoms first");
		return out;
	}

	public ImagePlus patches() {
		return patches;
	}

	public ResultsTable patchAtoms() {
		return patchAtoms;
	}
}
