package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;

/** Abundances of a new sample on fitted components, against independent solutions. */
class ProjectionTest {

	static Decomposition nmfOf(double[][] c) {
		int k = c.length;
		return new Decomposition("nmf", c, new double[k][1], null, 0, new double[k], null, null, 1, true);
	}

	/** min ‖x − Cᵀh‖ over h ≥ 0 by trying every support: the optimum is the unconstrained solution on its support. */
	static double[] bruteForceNnls(double[][] c, double[] x) {
		int k = c.length, d = x.length;
		double[] best = new double[k];
		double bestResidual = residual(c, x, best);
		for (int mask = 1; mask < 1 << k; mask++) {
			int s = Integer.bitCount(mask);
			int[] idx = new int[s];
			for (int t = 0, j = 0; t < k; t++)
				if ((mask & 1 << t) != 0) idx[j++] = t;
			DMatrixRMaj a = new DMatrixRMaj(d, s), b = new DMatrixRMaj(d, 1), h = new DMatrixRMaj(s, 1);
			for (int j = 0; j < d; j++) {
				for (int u = 0; u < s; u++)
					a.set(j, u, c[idx[u]][j]);
				b.set(j, 0, x[j]);
			}
			if (!CommonOps_DDRM.solve(a, b, h)) continue; // least squares by QR
			double[] full = new double[k];
			boolean feasible = true;
			for (int u = 0; u < s; u++) {
				full[idx[u]] = h.get(u, 0);
				feasible &= h.get(u, 0) >= 0;
			}
			double r = residual(c, x, full);
			if (feasible && r < bestResidual) {
				bestResidual = r;
				best = full;
			}
		}
		return best;
	}

	static double residual(double[][] c, double[] x, double[] h) {
		double s = 0;
		for (int j = 0; j < x.length; j++) {
			double v = x[j];
			for (int t = 0; t < c.length; t++)
				v -= c[t][j] * h[t];
			s += v * v;
		}
		return s;
	}

	@Test
	void nmfProjectionIsNonNegativeLeastSquares() {
		Random r = new Random(1);
		int active = 0;
		for (int trial = 0; trial < 200; trial++) {
			int k = 3, d = 12 + r.nextInt(20);
			double[][] c = new double[k][d];
			for (double[] row : c)
				for (int j = 0; j < d; j++)
					row[j] = r.nextDouble();
			float[] sample = new float[d];
			double[] x = new double[d];
			for (int j = 0; j < d; j++)
				x[j] = sample[j] = (float) (r.nextDouble() * 2 - 0.6); // some samples need a zero abundance
			double[] got = new Projection(nmfOf(c)).abundances(sample), want = bruteForceNnls(c, x);
			for (int t = 0; t < k; t++) {
				assertTrue(got[t] >= 0);
				assertEquals(want[t], got[t], 1e-9 * Math.max(1, Math.abs(want[t])), "trial " + trial + ", component " + t);
				if (want[t] == 0) active++;
			}
		}
		assertTrue(active > 20, "the constraint was active in " + active + " abundances");
	}

	static Samples random(int n, int d, long seed) {
		Random r = new Random(seed);
		float[] x = new float[n * d];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) r.nextDouble();
		return new Samples(x, n, d, null);
	}

	@Test
	void svdProjectionOfASampleInTheSpanReturnsItsCoefficients() {
		Decomposition svd = Unmixer.of("svd", 3, 0, 200, 1).unmix(random(40, 30, 2), Progress.NONE);
		Projection p = new Projection(svd);
		Random r = new Random(3);
		for (int trial = 0; trial < 20; trial++) {
			double[] a = { r.nextGaussian(), r.nextGaussian(), r.nextGaussian() };
			float[] x = new float[30];
			for (int j = 0; j < 30; j++)
				x[j] = (float) (a[0] * svd.components()[0][j] + a[1] * svd.components()[1][j] + a[2] * svd.components()[2][j]);
			double[] got = p.abundances(x);
			for (int t = 0; t < 3; t++)
				assertEquals(a[t], got[t], 1e-5, "trial " + trial + ", component " + t); // x is float
		}
	}

	@Test
	void nfindrAbundancesAreNonNegativeAndSumToOne() {
		Decomposition nf = Unmixer.of("nfindr", 3, 0, 200, 1).unmix(random(60, 20, 4), Progress.NONE);
		Projection p = new Projection(nf);
		Random r = new Random(5);
		for (int trial = 0; trial < 50; trial++) {
			float[] x = new float[20];
			double[] w = { r.nextDouble(), r.nextDouble(), r.nextDouble() };
			double sum = w[0] + w[1] + w[2];
			boolean inside = trial % 2 == 0;
			for (int j = 0; j < 20; j++)
				x[j] = inside ? (float) ((w[0] * nf.components()[0][j] + w[1] * nf.components()[1][j] + w[2] * nf
					.components()[2][j]) / sum) : (float) (r.nextDouble() * 2);
			double[] a = p.abundances(x);
			double total = 0;
			for (int t = 0; t < 3; t++) {
				assertTrue(a[t] >= -1e-12, "trial " + trial + ": " + a[t]);
				total += a[t];
			}
			assertEquals(1, total, 1e-9);
			if (inside) for (int t = 0; t < 3; t++)
				assertEquals(w[t] / sum, a[t], 1e-4, "a mixture of the endmembers gives back its weights");
		}
	}
}
