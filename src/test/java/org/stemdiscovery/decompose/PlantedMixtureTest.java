package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;

/** Synthetic linear mixtures whose pure signatures and abundances are known. */
class PlantedMixtureTest {

	static final int K = 4, D = 100, SIDE = 30, N = SIDE * SIDE;

	/** Smooth non-negative signatures: one or two Gaussian peaks each, at different places. */
	static double[][] signatures(SplittableRandom rnd) {
		double[][] e = new double[K][D];
		for (int t = 0; t < K; t++)
			for (int peak = 0; peak < 2; peak++) {
				double centre = (t * 25 + 12 + peak * 47) % D, width = 4 + rnd.nextDouble() * 4, height = 0.5 + rnd.nextDouble();
				for (int j = 0; j < D; j++)
					e[t][j] += height * Math.exp(-0.5 * Math.pow((j - centre) / width, 2));
			}
		return e;
	}

	/** Dirichlet(1) abundances (k × n), with samples 0..k−1... placed at random being pure. */
	static double[][] abundances(SplittableRandom rnd) {
		double[][] a = new double[K][N];
		for (int i = 0; i < N; i++) {
			double sum = 0;
			for (int t = 0; t < K; t++) {
				a[t][i] = -Math.log(1 - rnd.nextDouble());
				sum += a[t][i];
			}
			for (int t = 0; t < K; t++)
				a[t][i] /= sum;
		}
		for (int t = 0; t < K; t++) {
			int pure = 37 + t * 211;
			for (int u = 0; u < K; u++)
				a[u][pure] = u == t ? 1 : 0;
		}
		return a;
	}

	static Samples mix(double[][] e, double[][] a, double noise, SplittableRandom rnd) {
		float[] x = new float[N * D];
		for (int i = 0; i < N; i++)
			for (int j = 0; j < D; j++) {
				double v = 0;
				for (int t = 0; t < K; t++)
					v += a[t][i] * e[t][j];
				x[i * D + j] = (float) (v + noise * gaussian(rnd));
			}
		return new Samples(x, N, D, new Grid(0, 0, 4, 8, SIDE, SIDE, 4 * (SIDE - 1) + 8, 4 * (SIDE - 1) + 8));
	}

	static double gaussian(SplittableRandom rnd) {
		return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
	}

	static double correlation(double[] u, double[] v) {
		double mu = 0, mv = 0;
		for (int i = 0; i < u.length; i++) {
			mu += u[i];
			mv += v[i];
		}
		mu /= u.length;
		mv /= v.length;
		double suv = 0, suu = 0, svv = 0;
		for (int i = 0; i < u.length; i++) {
			suv += (u[i] - mu) * (v[i] - mv);
			suu += (u[i] - mu) * (u[i] - mu);
			svv += (v[i] - mv) * (v[i] - mv);
		}
		return suv / Math.sqrt(suu * svv);
	}

	@Test
	void nfindrRecoversPlantedEndmembersAndAbundances() {
		SplittableRandom rnd = new SplittableRandom(42);
		double[][] e = signatures(rnd), a = abundances(rnd);
		Samples x = mix(e, a, 0.003, rnd);
		for (NFindrSettings.Start start : NFindrSettings.Start.values()) {
			Decomposition d = new NFindr(NFindrSettings.of(K).withStart(start).withSeed(3).withMaxPasses(20)).unmix(x,
				Progress.NONE);
			boolean[] used = new boolean[K];
			double se = 0;
			for (int t = 0; t < K; t++) {
				int match = -1;
				double best = -2;
				for (int u = 0; u < K; u++) {
					double c = correlation(e[t], d.components()[u]);
					if (c > best) {
						best = c;
						match = u;
					}
				}
				assertTrue(best > 0.99, start + ": signature " + t + " best correlation " + best);
				assertTrue(!used[match], start + ": two signatures matched one endmember");
				used[match] = true;
				for (int i = 0; i < N; i++)
					se += Math.pow(d.abundances()[match][i] - a[t][i], 2);
			}
			double rmse = Math.sqrt(se / (K * N));
			assertTrue(rmse < 0.02, start + ": abundance RMSE " + rmse);
		}
	}

	@Test
	void nmfFitsExactNonNegativeLowRankData() {
		SplittableRandom rnd = new SplittableRandom(7);
		Samples x = mix(signatures(rnd), abundances(rnd), 0, rnd);
		Decomposition d = new Nmf(NmfSettings.of(K).withMaxIter(2000).withTol(1e-8).withThreads(2)).unmix(x,
			Progress.NONE);
		assertTrue(d.relativeError() < 1e-3, "error " + d.relativeError());
		assertEquals(1, java.util.Arrays.stream(d.share()).sum(), 1e-12);
	}

	@Test
	void svdOfRankOneDataIsExact() {
		int n = 50, d = 40;
		double[] u = new double[n], v = new double[d];
		float[] x = new float[n * d];
		for (int i = 0; i < n; i++)
			u[i] = 1 + Math.sin(i);
		for (int j = 0; j < d; j++)
			v[j] = 2 + Math.cos(0.3 * j);
		double nu = 0, nv = 0;
		for (double w : u)
			nu += w * w;
		for (double w : v)
			nv += w * w;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				x[i * d + j] = (float) (u[i] * v[j]);
		Decomposition dec = new Svd(1, 0, 1).unmix(new Samples(x, n, d, null), Progress.NONE);
		assertEquals(Math.sqrt(nu * nv), dec.singularValues()[0], 1e-5 * Math.sqrt(nu * nv));
		assertTrue(dec.relativeError() < 1e-6);
		assertEquals(1, correlation(v, dec.components()[0]), 1e-9);
		assertTrue(dec.components()[0][0] > 0, "components are signed to a positive sum");
		assertEquals(null, dec.grid());
	}

	/** More features than samples: the Gram matrix of the samples is used instead; same answer. */
	@Test
	void svdAgreesOnBothSidesOfTheGram() {
		SplittableRandom rnd = new SplittableRandom(5);
		int n = 30, d = 70;
		float[] x = new float[n * d];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) rnd.nextDouble();
		float[] xt = new float[n * d];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				xt[j * n + i] = x[i * d + j];
		Decomposition wide = new Svd(5, 0, 1).unmix(new Samples(x, n, d, null), Progress.NONE);
		Decomposition tall = new Svd(5, 0, 1).unmix(new Samples(xt, d, n, null), Progress.NONE);
		for (int t = 0; t < 5; t++)
			assertEquals(wide.singularValues()[t], tall.singularValues()[t], 1e-9 * wide.singularValues()[0]);
		assertEquals(wide.relativeError(), tall.relativeError(), 1e-9);
	}

	/** Threads split rows, never sums: one thread and two give the same bits. */
	@Test
	void resultsDoNotDependOnTheNumberOfThreads() {
		SplittableRandom rnd = new SplittableRandom(9);
		Samples x = mix(signatures(rnd), abundances(rnd), 0, rnd);
		for (String m : new String[] { "nmf", "svd", "nfindr" }) {
			Decomposition one = Unmixer.of(m, K, 1, 60, 1).unmix(x, Progress.NONE);
			Decomposition two = Unmixer.of(m, K, 1, 60, 2).unmix(x, Progress.NONE);
			assertEquals(one.relativeError(), two.relativeError(), 0.0, m);
			for (int t = 0; t < K; t++)
				org.junit.jupiter.api.Assertions.assertArrayEquals(one.abundances()[t], two.abundances()[t], 0.0, m);
		}
	}
}
