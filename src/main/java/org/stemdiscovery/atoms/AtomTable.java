package org.stemdiscovery.atoms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Csv;

/**
 * Atoms as a CSV table {@code x,y,class,probability} (class and probability optional when reading). A patch
 * stack carries its atoms in the Info format of {@link org.stemdiscovery.vae.AtomPatches}.
 */
public final class AtomTable {

	public static final List<String> HEADER = List.of("x", "y", "class", "probability");

	private AtomTable() {}

	public static void write(Path path, List<FoundAtom> atoms) throws IOException {
		List<double[]> rows = new ArrayList<>();
		for (FoundAtom a : atoms)
			rows.add(new double[] { round(a.x()), round(a.y()), a.cls(), round(a.probability()) });
		Csv.write(path, HEADER, rows);
	}

	private static double round(double v) {
		return Math.round(v * 1e4) / 1e4;
	}

	/** Reads x and y (required) and class, probability (optional: 0 and 1). */
	public static List<FoundAtom> read(Path path) {
		Csv.Table t = Csv.read(path);
		int x = t.column("x"), y = t.column("y");
		int c = t.header().indexOf("class"), p = t.header().indexOf("probability");
		List<FoundAtom> out = new ArrayList<>();
		for (double[] r : t.rows())
			out.add(new FoundAtom(r[x], r[y], c >= 0 ? (int) r[c] : FoundAtom.ATOM, p >= 0 ? r[p] : 1));
		if (out.isEmpty()) throw new InputException(path.getFileName() + " lists no atoms; run the atom finder first");
		return out;
	}
}
