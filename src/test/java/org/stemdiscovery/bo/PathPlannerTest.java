package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PathPlannerTest {

	@Test
	void plannedPathIsShorterThanAcquisitionOrderOnRandomBatches() {
		Random rnd = new Random(5);
		double planned = 0, original = 0;
		for (int trial = 0; trial < 200; trial++) {
			int n = 10;
			double[] x = new double[n], y = new double[n];
			for (int i = 0; i < n; i++) {
				x[i] = rnd.nextInt(256);
				y[i] = rnd.nextInt(256);
			}
			int[] order = PathPlanner.order(128, 128, x, y);
			int[] sorted = order.clone();
			Arrays.sort(sorted);
			assertArrayEquals(PathPlanner.identity(n), sorted, "a permutation");
			double p = PathPlanner.length(128, 128, x, y, order), o = PathPlanner.length(128, 128, x, y, PathPlanner.identity(n));
			assertTrue(p <= o + 1e-9, "never longer than the acquisition order");
			planned += p;
			original += o;
		}
		assertTrue(planned < 0.5 * original, "planned " + planned + " vs acquisition order " + original);
	}

	@Test
	void pointsOnALineAreVisitedInOrderFromTheStart() {
		double[] x = { 5, 1, 4, 2, 3 }, y = new double[5];
		int[] order = PathPlanner.order(0, 0, x, y);
		assertArrayEquals(new int[] { 1, 3, 4, 2, 0 }, order);
		assertEquals(5, PathPlanner.length(0, 0, x, y, order), 1e-12);
	}

	@Test
	void twoOptUntanglesWhatNearestNeighbourCrosses() {
		// A known nearest-neighbour trap: brute force over all 7! orders gives the optimum to compare with.
		Random rnd = new Random(9);
		for (int trial = 0; trial < 30; trial++) {
			double[] x = new double[7], y = new double[7];
			for (int i = 0; i < 7; i++) {
				x[i] = rnd.nextDouble() * 100;
				y[i] = rnd.nextDouble() * 100;
			}
			double best = bruteForce(x, y, new int[7], new boolean[7], 0, 0, 50, 50);
			double got = PathPlanner.length(50, 50, x, y, PathPlanner.order(50, 50, x, y));
			assertTrue(got <= 1.25 * best, "2-opt path " + got + " vs optimum " + best);
		}
	}

	private static double bruteForce(double[] x, double[] y, int[] perm, boolean[] used, int k, double len, double cx,
		double cy) {
		if (k == x.length) return len;
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < x.length; i++) {
			if (used[i]) continue;
			used[i] = true;
			best = Math.min(best, bruteForce(x, y, perm, used, k + 1, len + Math.hypot(x[i] - cx, y[i] - cy), x[i], y[i]));
			used[i] = false;
		}
		return best;
	}
}
