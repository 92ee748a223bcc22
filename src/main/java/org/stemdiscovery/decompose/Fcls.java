package org.stemdiscovery.decompose;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fully constrained least squares: for every sample x the abundances a ≥ 0 with Σa = 1 that minimise
 * ‖x − Eᵀa‖ for endmember rows E (k × d). Solved exactly by support enumeration: the optimum is the
 * equality-constrained solution on its own support, so the feasible support solution of least residual is it.
 * The KKT matrix of each of the 2^k − 1 supports depends only on E, so its (pseudo-)inverse is computed once
 * and each sample then costs a few k-vector products per support.
 */
final class Fcls {

	private Fcls() {}

	/** Abundances (k × n) of every sample of {@code x}. */
	static double[][] solve(Samples x, double[][] e, Parallel par) {
		int k = e.length, n = x.n(), d = x.d();
		double[] gram = new double[k * k];
		for (int t = 0; t < k; t++)
			for (int u = 0; u < k; u++) {
				double sum = 0;
				for (int j = 0; j < d; j++)
					sum += e[t][j] * e[u][j];
				gram[t * k + u] = sum;
			}
		int supports = (1 << k) - 1;
		int[][] members = new int[supports][];
		double[][] solver = new double[supports][]; // rows 0..s-1 of the KKT inverse, (s × (s+1))
		for (int mask = 1; mask <= supports; mask++) {
			int s = Integer.bitCount(mask);
			int[] idx = new int[s];
			for (int t = 0, c = 0; t < k; t++)
				if ((mask & (1 << t)) != 0) idx[c++] = t;
			DMatrixRMaj kkt = new DMatrixRMaj(s + 1, s + 1);
			for (int r = 0; r < s; r++) {
				for (int c = 0; c < s; c++)
					kkt.set(r, c, gram[idx[r] * k + idx[c]]);
				kkt.set(r, s, 1);
				kkt.set(s, r, 1);
			}
			DMatrixRMaj inv = new DMatrixRMaj(s + 1, s + 1);
			CommonOps_DDRM.pinv(kkt, inv); // pseudo-inverse: repeated endmembers make a support singular
			double[] rows = new double[s * (s + 1)];
			for (int r = 0; r < s; r++)
				for (int c = 0; c <= s; c++)
					rows[r * (s + 1) + c] = inv.get(r, c);
			members[mask - 1] = idx;
			solver[mask - 1] = rows;
		}
		double[][] out = new double[k][n];
		float[] data = x.data();
		par.forRange(n, 64, (from, to) -> {
			double[] b = new double[k], a = new double[k], best = new double[k];
			for (int i = from; i < to; i++) {
				int row = i * d;
				for (int t = 0; t < k; t++) {
					double sum = 0;
					double[] et = e[t];
					for (int j = 0; j < d; j++)
						sum += et[j] * data[row + j];
					b[t] = sum;
				}
				double bestObj = Double.POSITIVE_INFINITY;
				for (int m = 0; m < supports; m++) {
					int[] idx = members[m];
					int s = idx.length;
					double[] sol = solver[m];
					boolean feasible = true;
					for (int r = 0; r < s && feasible; r++) {
						double v = sol[r * (s + 1) + s];
						for (int c = 0; c < s; c++)
							v += sol[r * (s + 1) + c] * b[idx[c]];
						a[r] = v;
						feasible = v >= -1e-12;
					}
					if (!feasible) continue;
					double obj = 0; // aᵀGa − 2bᵀa = ‖x − Eᵀa‖² − ‖x‖²
					for (int r = 0; r < s; r++) {
						double ga = 0;
						for (int c = 0; c < s; c++)
							ga += gram[idx[r] * k + idx[c]] * a[c];
						obj += a[r] * (ga - 2 * b[idx[r]]);
					}
					if (obj < bestObj) {
						bestObj = obj;
						java.util.Arrays.fill(best, 0);
						for (int r = 0; r < s; r++)
							best[idx[r]] = Math.max(0, a[r]);
					}
				}
				double sum = 0;
				for (int t = 0; t < k; t++)
					sum += best[t];
				for (int t = 0; t < k; t++)
					out[t][i] = best[t] / sum;
			}
		});
		return out;
	}
}
