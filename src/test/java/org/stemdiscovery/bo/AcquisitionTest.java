package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values from scipy.stats.norm (SciPy 1.10) evaluated on the closed forms. */
class AcquisitionTest {

	@Test
	void normalCdfMatchesScipy() {
		double[][] zs = { { -8, 6.22096057427174e-16 }, { -3.3, 0.00048342414238377744 }, { -1, 0.15865525393145707 },
			{ 0, 0.5 }, { 0.5, 0.6914624612740131 }, { 2, 0.9772498680518208 }, { 6.5, 0.99999999995984 }, { 9, 1.0 } };
		for (double[] z : zs)
			assertEquals(z[1], Normal.cdf(z[0]), 1e-14 + 1e-12 * z[1], "Phi(" + z[0] + ")");
	}

	@Test
	void expectedImprovementProbabilityAndUcbMatchClosedForms() {
		// mu, sd, best, xi, EI, PI, UCB(beta 4)
		double[][] cases = { { 0.3, 0.2, 0.25, 0.01, 0.10137892717265531, 0.579259709439103, 0.7 },
			{ -1.0, 0.5, 0.4, 0.0, 0.0003805433288908795, 0.002555130330427932, 0.0 },
			{ 2.0, 1e-3, 1.0, 0.1, 0.9, 1.0, 2.002 }, { 0.1, 3.0, 0.1, 0.05, 1.1719930633067495, 0.49335126980631744, 6.1 } };
		for (double[] c : cases) {
			assertEquals(c[4], new ExpectedImprovement(c[3], Goal.MAXIMISE).score(c[0], c[1], c[2]), 1e-12);
			assertEquals(c[5], new ProbabilityOfImprovement(c[3], Goal.MAXIMISE).score(c[0], c[1], c[2]), 1e-12);
			assertEquals(c[6], new UpperConfidenceBound(4, Goal.MAXIMISE).score(c[0], c[1], c[2]), 1e-12);
		}
	}

	@Test
	void minimisingMirrorsMaximising() {
		Acquisition max = new ExpectedImprovement(0.01, Goal.MAXIMISE), min = new ExpectedImprovement(0.01, Goal.MINIMISE);
		assertEquals(max.score(0.3, 0.2, 0.25), min.score(-0.3, 0.2, -0.25), 1e-15);
		assertEquals(new ProbabilityOfImprovement(0, Goal.MAXIMISE).score(1, 0.5, 0.2),
			new ProbabilityOfImprovement(0, Goal.MINIMISE).score(-1, 0.5, -0.2), 1e-15);
		assertEquals(-0.5 + 2 * 0.1, new UpperConfidenceBound(4, Goal.MINIMISE).score(0.5, 0.1, 0), 1e-15);
	}

	@Test
	void zeroStandardDeviationGivesTheDeterministicLimit() {
		assertEquals(0.39, new ExpectedImprovement(0.01, Goal.MAXIMISE).score(1.4, 0, 1.0), 1e-15);
		assertEquals(0, new ExpectedImprovement(0.01, Goal.MAXIMISE).score(0.5, 0, 1.0));
		assertEquals(1, new ProbabilityOfImprovement(0.01, Goal.MAXIMISE).score(1.4, 0, 1.0));
	}
}
