package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;

class LatentMapsTest {

	@Test
	void everyPixelTakesItsNearestAtomAsABruteForceSearchFinds() {
		SplittableRandom r = new SplittableRandom(2);
		int n = 150, w = 97, h = 61;
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = r.nextDouble(-3, w + 3);
			y[i] = r.nextDouble(-3, h + 3);
		}
		int[] got = LatentMaps.nearestAtom(x, y, w, h);
		for (int py = 0; py < h; py++)
			for (int px = 0; px < w; px++) {
				double best = Double.POSITIVE_INFINITY;
				for (int i = 0; i < n; i++)
					best = Math.min(best, (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py));
				int g = got[py * w + px];
				assertEquals(best, (x[g] - px) * (x[g] - px) + (y[g] - py) * (y[g] - py), 1e-9, "pixel " + px + "," + py);
			}
	}

	@Test
	void gridMapsPutWindowNAtPixelNOfEveryPlane() {
		Grid g = Grid.ofWindows(40, 30, 16, 8); // 4 x 2 windows
		double[][] mean = new double[g.size()][2];
		for (int i = 0; i < g.size(); i++) {
			mean[i][0] = i;
			mean[i][1] = -i;
		}
		float[] maps = LatentMaps.onGrid(new Latents(List.of("z1", "z2"), mean, new double[g.size()][2]), g);
		assertEquals(2 * g.size(), maps.length);
		assertEquals(g.index(1, 2), maps[g.index(1, 2)], 0);
		assertEquals(-g.index(1, 3), maps[g.size() + g.index(1, 3)], 0);
	}
}
