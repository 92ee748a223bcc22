package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.image.InputException;

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
		if (size < 4) throw new InputException("patch size " + size + " px is too small; choose at least 4 (32 is usual)");
		if (size > Math.min(w, h)) throw new InputException("patch size " + size + " px is larger than the " + w + " x " +
			h + " image; choose at most " + Math.min(w, h));
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < atoms.size(); i++) {
			int x0 = (int) Math.round(atoms.get(i).x()) - size / 2, y0 = (int) Math.round(atoms.get(i).y()) - size / 2;
			if (x0 >= 0 && y0 >= 0 && x0 + size <= w && y0 + size <= h) kept.add(i);
		}
		float[] stack = new float[kept.size() * size * size];
		for (int k = 0; k < kept.size(); k++) {
			FoundAtom a = atoms.get(kept.get(k));
			int x0 = (int) Math.round(a.x()) - size / 2, y0 = (int) Math.round(a.y()) - size / 2;
			for (int y = 0; y < size; y++)
				System.arraycopy(img, (y0 + y) * w + x0, stack, (k * size + y) * size, size);
		}
		return new Patches(stack, size, List.copyOf(kept), atoms.size() - kept.size());
	}

	public int count() {
		return kept.size();
	}
}
