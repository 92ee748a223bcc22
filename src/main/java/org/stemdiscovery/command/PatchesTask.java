package org.stemdiscovery.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.AtomPatches;

/**
 * The work of Extract Atom Patches: the stack of atom-centred patches, whose Info is the one patch-stack
 * format of {@link AtomPatches} (every slice's atom and the source size), and the table of patch atoms.
 */
public final class PatchesTask {

	/** Suffix and file of the stack; title of the table of patch atoms. */
	public static final String STACK = "patches", STACK_FILE = "patches.tif", TABLE = "Patch atoms";
	/** Info key naming the table or file the atoms came from. */
	public static final String ATOMS_SOURCE_KEY = "stemdiscovery.atoms.source";

	private PatchesTask() {}

	/**
	 * @param pixels      row-major {@code width × height} grey levels the atoms were found in
	 * @param source      title or file name of the image, recorded in the stack's Info
	 * @param atomsSource the table or file the atoms came from; {@code null} to record none
	 */
	public static Result run(float[] pixels, int width, int height, String source, List<FoundAtom> atoms,
		String atomsSource, PatchesParams params, Progress progress) {
		progress.checkCancelled();
		int n = atoms.size();
		double[] x = new double[n], y = new double[n], p = new double[n];
		int[] cls = new int[n];
		for (int i = 0; i < n; i++) {
			FoundAtom a = atoms.get(i);
			x[i] = a.x();
			y[i] = a.y();
			cls[i] = a.cls();
			p[i] = a.probability();
		}
		AtomPatches cut = AtomPatches.cut(pixels, width, height, x, y, cls, p, params.size());
		Map<String, String> info = new LinkedHashMap<>();
		info.put(FftTask.SOURCE_KEY, source);
		if (atomsSource != null) info.put(ATOMS_SOURCE_KEY, atomsSource);
		info.putAll(cut.toProperties());
		int size = params.size(), skipped = n - cut.count();
		FloatImage stack = new FloatImage(STACK, STACK_FILE, cut.patches().data(), size, size, cut.count(), info);
		Table.Builder t = Table.builder(TABLE, "Patch", "Atom", "X", "Y", "Class", "Probability");
		for (int k = 0; k < cut.count(); k++)
			t.row(k + 1, cut.atomIndex()[k], cut.x()[k], cut.y()[k], cut.cls()[k], cut.probability()[k]);
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("patches", cut.count());
		meta.put("size", size);
		meta.put("skipped", skipped);
		String summary = String.format("%d patches of %d px; %d atoms skipped because their patch would cross the border",
			cut.count(), size, skipped);
		return new Result(List.of(stack), List.of(t.build()), meta, summary);
	}
}
