package org.stemdiscovery.atoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

class PatchesTest {

	/** Pixel value = x + 1000·y, so every patch pixel says where it came from. */
	private static float[] coded(int w, int h) {
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img[y * w + x] = x + 1000 * y;
		return img;
	}

	@Test
	void patchesAreCentredOnTheNearestPixelAndBorderCrossersAreSkipped() {
		int w = 64, h = 48, size = 16;
		List<FoundAtom> atoms = List.of(new FoundAtom(30.4, 20.6, 0, 1), new FoundAtom(3, 20, 0, 1), new FoundAtom(40,
			41, 1, 0.7), new FoundAtom(8, 8, 0, 1));
		Patches p = Patches.extract(coded(w, h), w, h, atoms, size);
		assertEquals(List.of(0, 3), p.kept());
		assertEquals(2, p.skipped());
		// Atom 2 at row 41 needs rows 33..48 of a 48-row image: skipped. Patch 0: atom at (30, 21) sits at index (8, 8).
		assertEquals(30 + 1000 * 21, p.stack()[8 * size + 8]);
		// Patch 1: atom at (8, 8) exactly fits: its top-left pixel is (0, 0).
		assertEquals(0, p.stack()[size * size]);
		Map<String, String> info = AtomTable.patchInfo(p, atoms);
		assertEquals("2", info.get(AtomTable.COUNT));
		double[] second = AtomTable.patchAtom(info, 2);
		assertEquals(3, second[0]);
		assertEquals(8, second[1], 1e-9);
	}

	@Test
	void refusesPatchesLargerThanTheImage() {
		InputException e = assertThrows(InputException.class, () -> Patches.extract(new float[32 * 32], 32, 32, List.of(),
			64));
		assertTrue(e.getMessage().contains("choose at most 32"), e.getMessage());
	}
}
