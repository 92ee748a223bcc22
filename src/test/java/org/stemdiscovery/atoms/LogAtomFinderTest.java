package org.stemdiscovery.atoms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.sim.RandomLatticeScene;

class LogAtomFinderTest {

	@Test
	void findsAtomsOfQuietLatticesPrecisely() {
		Matching m = DcnnAtomFinderTest.pooled(LogAtomFinder.automatic(), new RandomLatticeScene(8, 20, 200, 300, 0.01),
			160, 4_242, 6);
		assertTrue(m.f1() >= 0.95, m.toString());
		assertTrue(m.meanError() <= 0.5, m.toString());
	}

	@Test
	void gaussianRefinementRecoversASubPixelCentre() {
		int w = 21, h = 21;
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img[y * w + x] = (float) (0.2 + 3 * Math.exp(-((x - 10.3) * (x - 10.3) + (y - 9.6) * (y - 9.6)) / (2 * 1.7 *
					1.7)));
		double[] p = GaussianRefinement.fit(img, w, h, 10, 10, 6);
		assertTrue(Math.abs(p[1] - 10.3) < 1e-3 && Math.abs(p[2] - 9.6) < 1e-3 && Math.abs(p[3] - 1.7) < 1e-3, java.util
			.Arrays.toString(p));
	}
}
