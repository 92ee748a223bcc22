package org.stemdiscovery.atoms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Csv;

/**
 * Atoms as a table: CSV {@code x,y,class,probability} (class and probability optional when reading), and
 * the key/value form that travels in a patch stack's Info so each patch maps back to its atom.
 */
public final class AtomTable {

	public static final List<String> HEADER = List.of("x", "y", "class", "probability");
	public static final String PREFIX = "stemdiscovery.patch.", SIZE = "stemdiscovery.patches.size", COUNT =
		"stemdiscovery.patches.count";

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

	/**
	 * Info entries for a patch stack: the patch size, the count, and per patch (1-based slice number) the
	 * index of its atom in the source table and the atom's x, y, class and probability.
	 */
	public static Map<String, String> patchInfo(Patches patches, List<FoundAtom> atoms) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put(SIZE, Integer.toString(patches.size()));
		m.put(COUNT, Integer.toString(patches.count()));
		for (int k = 0; k < patches.count(); k++) {
			int i = patches.kept().get(k);
			FoundAtom a = atoms.get(i);
			m.put(PREFIX + (k + 1), String.format(Locale.ROOT, "%d %.4f %.4f %d %.4f", i, a.x(), a.y(), a.cls(), a
				.probability()));
		}
		return m;
	}

	/** One patch's atom from Info entries written by {@link #patchInfo}: {index, x, y, class, probability}. */
	public static double[] patchAtom(Map<String, String> info, int slice) {
		String v = info.get(PREFIX + slice);
		if (v == null) throw new InputException("the stack's Info has no atom for patch " + slice +
			"; make the stack with Extract Atom Patches");
		String[] f = v.trim().split("\\s+");
		double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++)
			out[i] = Double.parseDouble(f[i]);
		return out;
	}
}
