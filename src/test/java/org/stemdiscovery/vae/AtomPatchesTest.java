package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

class AtomPatchesTest {

	/** Pixel value = x + 1000·y, so every patch pixel says where it came from. */
	private static float[] coded(int w, int h) {
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img[y * w + x] = x + 1000 * y;
		return img;
	}

	private static AtomPatches fourAtoms() {
		return AtomPatches.cut(coded(64, 48), 64, 48, new double[] { 30.4, 3, 40, 8 }, new double[] { 20.6, 20, 41, 8 },
			new int[] { 0, 0, 1, 1 }, new double[] { 1, 1, 0.7, 0.9 }, 16);
	}

	@Test
	void patchesAreCentredOnTheNearestPixelAndBorderCrossersAreSkipped() {
		AtomPatches p = fourAtoms();
		int size = 16;
		assertArrayEquals(new int[] { 0, 3 }, p.atomIndex());
		assertEquals(2, p.count());
		// Atom 2 at row 41 needs rows 33..48 of a 48-row image: skipped. Patch 0: atom at (30, 21) sits at index (8, 8).
		assertEquals(30 + 1000 * 21, p.patches().data()[8 * size + 8]);
		// Patch 1: atom at (8, 8) exactly fits: its top-left pixel is (0, 0).
		assertEquals(0, p.patches().data()[size * size]);
		assertEquals(1, p.cls()[1]);
		assertEquals(0.9, p.probability()[1]);
	}

	@Test
	void theStackInfoGivesEveryPatchItsAtomAndReadsBack() {
		AtomPatches p = fourAtoms();
		Map<String, String> info = p.toProperties();
		assertEquals("2", info.get(AtomPatches.COUNT));
		assertEquals("16", info.get(AtomPatches.SIZE));
		assertEquals("3 8.0000 8.0000 1 0.9000", info.get(AtomPatches.PATCH_PREFIX + "2"));
		assertTrue(AtomPatches.isIn(info));
		AtomPatches back = AtomPatches.fromProperties(info, p.patches());
		assertArrayEquals(p.atomIndex(), back.atomIndex());
		assertArrayEquals(p.x(), back.x(), 1e-4);
		assertArrayEquals(p.y(), back.y(), 1e-4);
		assertArrayEquals(p.cls(), back.cls());
		assertEquals(64, back.sourceWidth());
		assertEquals(48, back.sourceHeight());
	}

	@Test
	void aStackWithoutOneAtomPerPatchIsRefusedWithWhatToDo() {
		AtomPatches p = fourAtoms();
		Map<String, String> info = new LinkedHashMap<>(p.toProperties());
		info.remove(AtomPatches.PATCH_PREFIX + "2");
		InputException e = assertThrows(InputException.class, () -> AtomPatches.fromProperties(info, p.patches()));
		assertTrue(e.getMessage().contains("cut the patches again"), e.getMessage());
		assertFalse(AtomPatches.isIn(Map.of()));
	}

	@Test
	void refusesPatchesLargerThanTheImageOrNoneInside() {
		InputException e = assertThrows(InputException.class, () -> AtomPatches.cut(new float[32 * 32], 32, 32,
			new double[0], new double[0], 64));
		assertTrue(e.getMessage().contains("choose at most 32"), e.getMessage());
		e = assertThrows(InputException.class, () -> AtomPatches.cut(new float[32 * 32], 32, 32, new double[] { 1 },
			new double[] { 1 }, 16));
		assertTrue(e.getMessage().contains("every one of the 1 atoms is closer than 8 px"), e.getMessage());
	}
}
