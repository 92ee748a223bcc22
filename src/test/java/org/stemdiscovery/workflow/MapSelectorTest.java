package org.stemdiscovery.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MapSelectorTest {

	@Test
	void aMapWithDomainsBeatsNoiseWhateverTheirUnits() {
		int w = 30, h = 30, n = w * h;
		float[] maps = new float[3 * n];
		SplittableRandom r = new SplittableRandom(1);
		for (int i = 0; i < n; i++) {
			int x = i % w, y = i / w;
			maps[i] = (float) (1000 * r.nextDouble()); // loud noise
			maps[n + i] = (float) ((Math.hypot(x - 10, y - 12) < 6 ? 0.01 : 0) + 0.002 * r.nextDouble()); // faint disc
			maps[2 * n + i] = 5; // constant
		}
		MapSelector.Selection s = new MapSelector(1).select(maps, w, h, 3);
		assertEquals(1, s.index());
		assertTrue(s.score() > 0.6, "disc score " + s.score());
		// noise keeps about 1/(4 pi sigma^2) of its variance after smoothing, and about half of it is high
		assertEquals(0.5 / (4 * Math.PI), s.scores()[0], 0.03);
		assertEquals(0, s.scores()[2]);
	}

	@Test
	void ofTwoComplementaryMapsTheRarerBrightPhaseWins() {
		int w = 40, h = 40, n = w * h;
		float[] maps = new float[2 * n];
		for (int i = 0; i < n; i++) {
			float disc = Math.hypot(i % w - 20, i / w - 20) < 8 ? 1 : 0;
			maps[i] = 1 - disc; // the matrix: bright almost everywhere
			maps[n + i] = disc; // the inclusion
		}
		MapSelector.Selection s = new MapSelector(1).select(maps, w, h, 2);
		assertEquals(1, s.index());
		assertTrue(s.scores()[1] > 3 * s.scores()[0], java.util.Arrays.toString(s.scores()));
	}
}
