package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/** The random and serpentine baselines, and when a feature counts as found. */
class BaselinesTest {

	static final int W = 128, H = 96;
	static final Grid GRID = Grid.ofWindows(W, H, 16, 8); // 15 × 11 candidates that tile the field

	static Features scatter(int n, long seed) {
		Random r = new Random(seed);
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = -0.5 + r.nextDouble() * (W - 1e-6);
			y[i] = -0.5 + r.nextDouble() * (H - 1e-6);
		}
		return Features.points(x, y, W, H);
	}

	@Test
	void serpentinePositionsAreDistinctInsideAndSnakeRowByRow() {
		for (int budget : new int[] { 1, 7, 20, 37, 100, GRID.size() }) {
			int[][] p = Baselines.serpentinePositions(GRID, budget);
			assertEquals(budget, p.length, "budget " + budget);
			Set<String> distinct = new HashSet<>();
			for (int[] q : p) {
				assertTrue(q[0] >= 0 && q[1] >= 0 && q[0] + 16 <= W && q[1] + 16 <= H, Arrays.toString(q));
				assertTrue(distinct.add(q[0] + "," + q[1]), "repeated " + Arrays.toString(q) + " at budget " + budget);
			}
			// rows in order from the top; within a row the direction alternates
			int row = 0;
			for (int k = 1; k < p.length; k++) {
				assertTrue(p[k][1] >= p[k - 1][1], "rows go down, budget " + budget);
				if (p[k][1] > p[k - 1][1]) row++;
				else if (row % 2 == 0) assertTrue(p[k][0] > p[k - 1][0], "row " + row + " goes right, budget " + budget);
				else assertTrue(p[k][0] < p[k - 1][0], "row " + row + " goes left, budget " + budget);
			}
			if (budget >= 20) assertTrue(row >= 2, "several rows at budget " + budget);
		}
	}

	@Test
	void theSerpentineCurveCountsWhatItsPatchesCover() {
		Features f = scatter(300, 2);
		int[][] p = Baselines.serpentinePositions(GRID, 30);
		int[] curve = Baselines.serpentine(f, GRID, 30);
		Features.Counter c = f.counter();
		for (int k = 0; k < p.length; k++)
			assertEquals(c.add(p[k][0], p[k][1], 16), curve[k]);
	}

	@Test
	void theRandomCurveRisesToEveryFeatureAndFollowsItsSeed() {
		Features f = scatter(200, 3);
		int[] a = Baselines.random(f, GRID, 40, 5);
		assertEquals(40, a.length);
		for (int k = 1; k < a.length; k++)
			assertTrue(a[k] >= a[k - 1], "non-decreasing");
		assertTrue(a[0] > 0 && a[39] < 200);
		assertArrayEquals(a, Baselines.random(f, GRID, 40, 5));
		assertFalse(Arrays.equals(a, Baselines.random(f, GRID, 40, 6)));
		int[] all = Baselines.random(f, GRID, GRID.size(), 5);
		assertEquals(200, all[all.length - 1], "every candidate measured finds every feature");
		assertArrayEquals(Arrays.copyOf(all, 40), a, "a longer budget continues the same draw");
		int need = Baselines.randomToFindAll(f, GRID, 5);
		assertTrue(need >= 1 && need <= GRID.size());
		assertEquals(200, all[need - 1]);
		if (need > 1) assertTrue(all[need - 2] < 200);
		// the mask: every candidate covers the whole field, so every pixel is found
		boolean[] mask = new boolean[W * H];
		Arrays.fill(mask, true);
		int[] m = Baselines.random(Features.mask(mask, W, H), GRID, GRID.size(), 1);
		assertEquals(W * H, m[m.length - 1]);
	}

	@Test
	void aPointOnAPatchsEdgePixelIsFoundAndOneJustOutsideIsNot() {
		// a 8 px patch at (10, 20) covers x in [9.5, 17.5) and y in [19.5, 27.5)
		double[] x = { 9.5, 17.49, 17, 10, 9.49, 17.5, 18, 12 }, y = { 20, 27.4, 27, 19.5, 20, 20, 27, 27.5 };
		Features f = Features.points(x, y, W, H);
		Features.Counter c = f.counter();
		assertEquals(4, c.add(10, 20, 8));
		assertArrayEquals(new boolean[] { true, true, true, true, false, false, false, false }, c.foundFlags());
		assertEquals(4, c.add(10, 20, 8), "a feature counts once");
		assertEquals(0.5, c.share());
		boolean[] mask = new boolean[W * H];
		mask[27 * W + 17] = true; // last pixel of the patch
		mask[27 * W + 18] = true; // right of it
		mask[28 * W + 17] = true; // below it
		mask[19 * W + 10] = true; // above the first pixel
		Features.Counter mc = Features.mask(mask, W, H).counter();
		assertEquals(1, mc.add(10, 20, 8));
		assertTrue(mc.foundFlags()[27 * W + 17]);
	}

	@Test
	void pointsOutsideTheFrameAreRefused() {
		for (double[] p : new double[][] { { -0.51, 5 }, { W - 0.5, 5 }, { 5, -0.6 }, { 5, H - 0.5 }, { Double.NaN, 5 } })
			assertThrows(InputException.class, () -> Features.points(new double[] { p[0] }, new double[] { p[1] }, W, H),
				Arrays.toString(p));
		Features.points(new double[] { -0.5, W - 0.51 }, new double[] { -0.5, H - 0.51 }, W, H); // the frame's edges
		assertThrows(InputException.class, () -> Features.points(new double[0], new double[0], W, H), "no features");
	}
}
