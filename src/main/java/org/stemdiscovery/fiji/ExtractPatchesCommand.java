package org.stemdiscovery.fiji;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.command.PatchesParams;
import org.stemdiscovery.command.PatchesTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Extract Atom Patches: the Fiji door onto {@link PatchesTask}, with the atoms from
 * a results table (by default "Atoms", from Find Atoms (DCNN)) or a CSV file. The stack's Info is the one
 * patch-stack format of {@link org.stemdiscovery.vae.AtomPatches}: every slice's atom and the source size, so
 * rVAE latents computed from the stack can be drawn back onto the atoms. Patches crossing the border are
 * skipped and counted in the Log. The table title and the CSV file are this door's ways of giving the atoms
 * (the command line's is {@code --atoms}), so they are not in the spec.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Atom Patches")
public class ExtractPatchesCommand extends StemCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Size of patches (px)", persist = false) private int size;

	@Parameter(label = "Table with atoms (title)", persist = false)
	private String table = FindAtomsCommand.TABLE;

	@Parameter(label = "CSV file with atoms (instead of the table)", required = false, persist = false)
	private String csv = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus patches;

	@Parameter(type = ItemIO.OUTPUT, label = PatchesTask.TABLE)
	private ResultsTable patchAtoms;

	@Override
	public Spec spec() {
		return PatchesParams.SPEC;
	}


	@Override
	protected void execute() {
		PatchesParams params = PatchesParams.from(values());
		float[] pixels = Images.toFloatArray(ImagePlusImages.wrapPlane(image));
		boolean fromFile = csv != null && !csv.isBlank();
		List<FoundAtom> atoms = fromFile ? AtomTable.read(Path.of(csv.trim())) : fromTable(table);
		Result r = PatchesTask.run(pixels, image.getWidth(), image.getHeight(), image.getTitle(), atoms, fromFile ? Path
			.of(csv.trim()).getFileName().toString() : table, params, new IjProgress(PatchesParams.SPEC.title()));
		patches = Render.image(r.image(PatchesTask.STACK), image.getShortTitle());
		patchAtoms = Render.table(r.table(PatchesTask.TABLE));
		IJ.log(PatchesParams.SPEC.title() + ": " + r.summary());
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
