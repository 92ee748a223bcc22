package org.stemdiscovery.atoms;

import java.util.List;

import org.stemdiscovery.image.PatchCutter;

/**
 * Atom-centred square sub-images for the rVAE: patch k is centred on atom {@code atoms[kept[k]]}
 * (nearest pixel, the atom at index {@code size/2} of the patch); atoms whose patch would cross the
 * border are skipped and counted.
 *
 * @param stack   {@code count × size × size} row-major values, patch after patch
 * @param kept    index into the input atom list of each patch
 * @param skipped number of atoms whose patch crossed the border
 */
public record Patches(float[] stack, int size, List<Integer> kept, int skipped) {

	public static Patches extract(float[] img, int w, int h, List<FoundAtom> atoms, int size) {
		double[] x = atoms.stream().mapToDouble(FoundAtom::x).toArray(), y = atoms.stream().mapToDouble(FoundAtom::y)
			.toArray();
		PatchCutter c = PatchCutter.cut(img, w, h, x, y, size);
		List<Integer> kept = java.util.Arrays.stream(c.kept()).boxed().toList();
		return new Patches(c.stack(), size, kept, atoms.size() - kept.size());
	}

	public int count() {
		return kept.size();
	}
}
