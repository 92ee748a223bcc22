package org.stemdiscovery.atoms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.sim.Imaging;
import org.stemdiscovery.sim.PillarScene;

class LatticeSpacingTest {

	@Test
	void findsThePeriodOfAPlaneWave() {
		int w = 300, h = 260;
		double period = 11.3, angle = Math.toRadians(27);
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img[y * w + x] = (float) Math.cos(2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle)) / period);
		assertEquals(period, LatticeSpacing.estimate(img, w, h), 0.02 * period);
	}

	@Test
	void findsTheMatrixSpacingOfThePillarScene() {
		// Square A lattice (12 px) with B at the cell centres: the strongest spots are the (10)/(11) planes.
		var s = new PillarScene(12, 8.5, 17, 0, 0.11, 1.4, Imaging.ideal()).generate(256, 256, 5);
		double d = LatticeSpacing.estimate(s.noisy(), 256, 256);
		boolean ok = Math.abs(d - 12) < 0.3 || Math.abs(d - 12 / Math.sqrt(2)) < 0.3;
		assertEquals(true, ok, "spacing " + d);
	}
}
