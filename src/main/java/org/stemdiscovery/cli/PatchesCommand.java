package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.Patches;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery patches}: atom-centred sub-images for the rVAE. */
final class PatchesCommand implements Subcommand {

	static final String STACK = "patches.tif", TABLE = "patches.csv";
	static final Set<String> FLAGS = Set.of("force");
	static final Set<String> VALUED = Set.of("image", "atoms", "size", "out");

	@Override
	public String name() {
		return "patches";
	}

	@Override
	public String summary() {
		return "atom-centred patches of an image (writes patches.tif, patches.csv)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery patches --image IN.tif --atoms atoms.csv --out DIR [--size 32] [--force]

			Cuts a square patch centred on each atom (nearest pixel; the atom sits at index size/2). Atoms whose
			patch would cross the border are skipped and counted. The stack's Info maps every slice back to
			its atom (stemdiscovery.patch.N = atom-index x y class probability).

			  --image PATH   the 2-D TIFF the atoms were found in
			  --atoms PATH   CSV with columns x,y[,class,probability] (as written by 'atoms')
			  --size PX      patch side (default 32)
			  --out DIR      output folder: patches.tif and patches.csv (patch,atom,x,y,class,probability)
			  --force        replace existing outputs
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path image = args.path("image"), atomsPath = args.path("atoms"), dir = args.path("out");
		int size = args.integer("size", 32);
		TiffImage img = Tiff.read(image);
		if (img.planes() > 1) throw new InputException(image.getFileName() + " has " + img.planes() +
			" planes; patches need one 2-D image");
		List<FoundAtom> atoms = AtomTable.read(atomsPath);
		Patches p = Patches.extract(img.pixels(), img.width(), img.height(), atoms, size);
		if (p.count() == 0) throw new InputException("every one of the " + atoms.size() + " atoms is closer than " + size /
			2 + " px to the border; choose a smaller --size");
		OutputFolder.prepare(dir, args.flag("force"), STACK, TABLE);
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.source", image.getFileName().toString());
		info.put("stemdiscovery.atoms.source", atomsPath.getFileName().toString());
		info.putAll(AtomTable.patchInfo(p, atoms));
		Tiff.writeFloat(dir.resolve(STACK), p.stack(), size, size, p.count(), info);
		java.util.List<double[]> rows = new java.util.ArrayList<>();
		for (int k = 0; k < p.count(); k++) {
			FoundAtom a = atoms.get(p.kept().get(k));
			rows.add(new double[] { k + 1, p.kept().get(k), a.x(), a.y(), a.cls(), a.probability() });
		}
		org.stemdiscovery.io.Csv.write(dir.resolve(TABLE), List.of("patch", "atom", "x", "y", "class", "probability"), rows);
		out.printf("%d patches of %d px, %d atoms skipped at the border -> %s%n", p.count(), size, p.skipped(), dir.resolve(
			STACK));
		return 0;
	}
}
