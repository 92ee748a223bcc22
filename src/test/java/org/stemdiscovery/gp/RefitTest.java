package org.stemdiscovery.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RefitTest {

	private static final int SIDE = 200;

	/**
	 * Values of one GP sample (Matérn 5/2, variance 1, the given length scale, noise 1e-4) at n distinct random
	 * pixels of a 200 × 200 grid, standardised as the experiment does: y = L·z with L the Cholesky factor of the
	 * covariance and z standard normal.
	 */
	private static Observations sample(int n, double length, long seed) {
		Random rnd = new Random(seed);
		boolean[] used = new boolean[SIDE * SIDE];
		double[] x = new double[n], y = new double[n];
		for (int k = 0; k < n;) {
			int c = rnd.nextInt(SIDE * SIDE);
			if (used[c]) continue;
			used[c] = true;
			x[k] = c % SIDE;
			y[k++] = c / SIDE;
		}
		Hyperparameters truth = new Hyperparameters(new Matern52(1, length), 1e-4);
		DMatrixRMaj l = MarginalLikelihood.cholesky(MarginalLikelihood.covariance(new Observations(x, y, new double[n]),
			truth));
		double[] z = new double[n], v = new double[n];
		for (int i = 0; i < n; i++)
			z[i] = rnd.nextGaussian();
		for (int i = 0; i < n; i++)
			for (int j = 0; j <= i; j++)
				v[i] += l.unsafe_get(i, j) * z[j];
		double mu = Arrays.stream(v).average().orElseThrow();
		double sd = Math.sqrt(Arrays.stream(v).map(q -> (q - mu) * (q - mu)).average().orElseThrow());
		return new Observations(x, y, Arrays.stream(v).map(q -> (q - mu) / sd).toArray());
	}

	private static Hyperparameters start(double length) {
		return new Hyperparameters(new Matern52(1, length), 1e-4);
	}

	@Test
	void subsetFitRecoversTheLengthScaleOfASample() {
		Refit policy = Refit.forGrid(SIDE, SIDE);
		for (long seed : new long[] { 1, 2 }) {
			Observations o = sample(700, 15, seed); // more than the 300 points the policy fits on
			double first = policy.initial(o, start(5), seed, 2).kernel().lengthScale();
			assertEquals(15, first, 0.25 * 15, "first fit, seed " + seed);
			// A refit warm-started far off (40 px) moves back, and says it changed the hyperparameters.
			Refit.Outcome r = policy.run(o, start(40), seed, 2);
			assertTrue(r.optimised() && r.changed(), "refit from 40 px: " + r);
			assertEquals(300, r.fitPoints());
			assertEquals(15, r.hyperparameters().kernel().lengthScale(), 0.25 * 15, "refit, seed " + seed);
		}
	}

	@Test
	void nothingMovedSkipsTheOptimiserAndKeepsTheSameHyperparameters() {
		Refit policy = Refit.forGrid(SIDE, SIDE);
		Observations o = sample(150, 12, 3);
		// The likelihood's maximum, converged tightly: its gradient is ~0, so there is nothing to refit.
		Hyperparameters best = new HyperparameterFit(policy.bounds(), 0, 500).fit(o, start(10), 0).hyperparameters();
		Refit.Outcome r = policy.run(o, best, 7, 1);
		assertFalse(r.optimised(), "optimiser skipped: " + r);
		assertFalse(r.changed());
		assertSame(best, r.hyperparameters());
		assertEquals(1, r.evaluations());
		// A refit that gains too little keeps the current hyperparameters too: the caller's posterior stays valid.
		Hyperparameters near = best.withLogParameters(shift(best.logParameters(), 0.02));
		assertSame(near, policy.refit(o, near, 7, 1));
	}

	private static double[] shift(double[] p, double d) {
		double[] q = p.clone();
		q[1] += d;
		return q;
	}

	@Test
	void sameSeedSameAnswerOnAnyThreadCount() {
		Refit policy = Refit.forGrid(SIDE, SIDE);
		Observations o = sample(500, 20, 4);
		Hyperparameters a = policy.refit(o, start(6), 11, 1), b = policy.refit(o, start(6), 11, 2),
			c = policy.refit(o, start(6), 11, 2);
		assertEquals(a, b);
		assertEquals(b, c);
		assertArrayEquals(policy.subsetIndices(o, 11), policy.subsetIndices(o, 11));
		assertFalse(Arrays.equals(policy.subsetIndices(o, 11), policy.subsetIndices(o, 12)), "another seed, other points");
	}

	@Test
	void subsetKeepsTheNewestPointsAndAStableChoiceOfTheOthers() {
		Refit policy = Refit.forGrid(SIDE, SIDE);
		Observations o = sample(800, 10, 5);
		int[] idx = policy.subsetIndices(o, 3);
		assertEquals(300, idx.length);
		for (int k = 1; k < idx.length; k++)
			assertTrue(idx[k] > idx[k - 1], "ascending and distinct");
		for (int k = 0; k < 100; k++)
			assertEquals(700 + k, idx[200 + k], "the 100 newest are always in");
		// Ten more points: the older choice is ranked by a hash of each point, so most of it stays.
		Observations more = sample(810, 10, 5); // same first 800 pixels (same random stream), 10 more
		assertArrayEquals(Arrays.copyOf(o.x(), 800), Arrays.copyOf(more.x(), 800));
		int[] next = policy.subsetIndices(more, 3);
		long kept = Arrays.stream(idx).filter(i -> i < 700 && Arrays.binarySearch(next, i) >= 0).count();
		assertTrue(kept >= 190, kept + " of the 200 older points kept");
		assertEquals(200, policy.subsetIndices(sample(200, 10, 6), 3).length, "all points when few");
	}

	@Test
	void likelihoodOnAPoolEqualsOneThread() {
		Observations o = sample(230, 9, 8);
		for (Kernel k : new Kernel[] { new Rbf(1.3, 6), new Matern52(0.7, 4), new RationalQuadratic(1.1, 5, 0.8) }) {
			Hyperparameters h = new Hyperparameters(k, 0.01);
			double[] g1 = new double[h.logParameters().length], g2 = g1.clone();
			ForkJoinPool pool = new ForkJoinPool(3);
			try {
				double a = MarginalLikelihood.evaluate(o, h, g1), b = MarginalLikelihood.evaluate(o, h, g2, pool);
				assertEquals(a, b, 0, k.name());
				assertArrayEquals(g1, g2, 0, k.name());
			}
			finally {
				pool.shutdown();
			}
		}
	}
}
