package org.stemdiscovery.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlipTest {

	@Test
	void unflipUndoesEveryOneOfTheEightSymmetries() {
		int w = 5, planes = 2;
		float[] a = new float[planes * w * w];
		for (int i = 0; i < a.length; i++)
			a[i] = i;
		for (int f = 0; f < 8; f++)
			assertArrayEquals(a, DcnnAtomFinder.unflip(DcnnAtomFinder.flip(a, w, w, planes, f), w, w, planes, f), "flip " + f);
		// bit 0 mirrors x: the first pixel of a row takes the last one's value
		assertEquals(a[w - 1], DcnnAtomFinder.flip(a, w, w, planes, 1)[0]);
		// bit 2 transposes: (x 1, y 0) takes (x 0, y 1)
		assertEquals(a[w], DcnnAtomFinder.flip(a, w, w, planes, 4)[1]);
	}
}
