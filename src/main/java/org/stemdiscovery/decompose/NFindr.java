package org.stemdiscovery.decompose;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * N-FINDR (Winter 1999): the k samples that span the simplex of largest volume in the data's first k − 1
 * principal components are the endmembers (pure components); every sample's abundances are then its fully
 * constrained least-squares mixture of them ({@link Fcls}: non-negative, summing to one).
 *
 * <p>Search: from the start simplex, passes over the corners in order (as pysptools and MATLAB's hyperNfindr
 * do); for corner j every sample is tried in its place and the largest volume kept if it grows. The volume is
 * |det E|/(k−1)! with E's columns [1; y]; det is linear in one column, so the k cofactors of column j are
 * computed once per corner and each candidate costs one k-term dot product instead of a determinant.
 */
public final class NFindr implements Unmixer {

	private final NFindrSettings s;

	public NFindr(NFindrSettings settings) {
		this.s = settings;
	}

	public NFindrSettings settings() {
		return s;
	}

	@Override
	public String name() {
		return "nfindr";
	}

	@Override
	public Decomposition unmix(Samples x, Progress progress) {
		int k = s.k(), n = x.n(), d = x.d();
		x.checkComponents(k);
		if (s.startAt() != null) for (int i : s.startAt())
			if (i < 0 || i >= n) throw new InputException("start sample " + i + " is outside 0.." + (n - 1));
		try (Parallel par = new Parallel(s.threads())) {
			progress.report(0, "principal components");
			double[] y = principalScores(x, k - 1, par); // (k−1) × n
			progress.checkCancelled();
			int[] idx = s.startAt() != null ? s.startAt().clone() : s.start() == NFindrSettings.Start.ATGP ? atgp(x, k)
				: randomStart(n, k);
			double fact = 1;
			for (int i = 2; i < k; i++)
				fact *= i;
			DMatrixRMaj e = new DMatrixRMaj(k, k);
			for (int j = 0; j < k; j++)
				setColumn(e, j, y, n, idx[j]);
			double volume = Math.abs(CommonOps_DDRM.det(e)) / fact;
			int passes = 0;
			boolean replaced = true;
			double[] cof = new double[k];
			while (replaced && passes < s.maxPasses()) {
				replaced = false;
				passes++;
				for (int j = 0; j < k; j++) {
					cofactors(e, j, cof);
					int best = -1;
					double bestDet = -1;
					for (int i = 0; i < n; i++) {
						double det = cof[0];
						for (int r = 1; r < k; r++)
							det += cof[r] * y[(r - 1) * n + i];
						det = Math.abs(det);
						if (det > bestDet) {
							bestDet = det;
							best = i;
						}
					}
					if (bestDet / fact > volume * (1 + 1e-12)) {
						idx[j] = best;
						setColumn(e, j, y, n, best);
						volume = bestDet / fact;
						replaced = true;
					}
				}
				progress.report(0.2 + 0.5 * passes / s.maxPasses(), "pass " + passes + ", volume " + volume);
				progress.checkCancelled();
			}
			double[][] ends = new double[k][d];
			for (int t = 0; t < k; t++)
				for (int j = 0; j < d; j++)
					ends[t][j] = x.get(idx[t], j);
			progress.report(0.8, "abundances");
			double[][] abund = Fcls.solve(x, ends, par);
			double err = Dense.relativeError(x, abund, ends, par);
			double[] share = new double[k];
			for (int t = 0; t < k; t++)
				share[t] = Arrays.stream(abund[t]).average().orElse(0);
			progress.report(1, "done");
			return new Decomposition(name(), ends, abund, x.grid(), err, share, null, idx, passes, !replaced);
		}
	}

	/** Scores of the centred samples on the first r principal axes, as rows (r × n). */
	static double[] principalScores(Samples x, int r, Parallel par) {
		int n = x.n(), d = x.d();
		double[] mean = new double[d];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				mean[j] += x.get(i, j);
		for (int j = 0; j < d; j++)
			mean[j] /= n;
		double[] c = new double[n * d];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				c[i * d + j] = x.get(i, j) - mean[j];
		return TruncatedSvd.compute(c, Dense.transpose(c, n, d), n, d, r, 0, par).us();
	}

	private static void setColumn(DMatrixRMaj e, int j, double[] y, int n, int sample) {
		e.set(0, j, 1);
		for (int r = 1; r < e.numRows; r++)
			e.set(r, j, y[(r - 1) * n + sample]);
	}

	/** cof[r] = (−1)^(r+j) · det(E without row r and column j), so det(E with column j := v) = cof · v. */
	private static void cofactors(DMatrixRMaj e, int j, double[] cof) {
		int k = e.numRows;
		if (k == 1) {
			cof[0] = 1;
			return;
		}
		DMatrixRMaj minor = new DMatrixRMaj(k - 1, k - 1);
		for (int r = 0; r < k; r++) {
			for (int rr = 0, mr = 0; rr < k; rr++) {
				if (rr == r) continue;
				for (int cc = 0, mc = 0; cc < k; cc++) {
					if (cc == j) continue;
					minor.set(mr, mc++, e.get(rr, cc));
				}
				mr++;
			}
			cof[r] = ((r + j) % 2 == 0 ? 1 : -1) * CommonOps_DDRM.det(minor);
		}
	}

	/**
	 * Automatic target generation (Ren &amp; Chang 2003) in the original feature space: the brightest sample,
	 * then repeatedly the sample farthest from the span of those found.
	 */
	static int[] atgp(Samples x, int k) {
		int n = x.n(), d = x.d();
		double[] resid = new double[n];
		for (int i = 0; i < n; i++) {
			double s2 = 0;
			for (int j = 0; j < d; j++)
				s2 += (double) x.get(i, j) * x.get(i, j);
			resid[i] = s2;
		}
		int[] idx = new int[k];
		double[][] basis = new double[k][];
		for (int m = 0; m < k; m++) {
			int best = 0;
			for (int i = 1; i < n; i++)
				if (resid[i] > resid[best]) best = i;
			idx[m] = best;
			if (m == k - 1) break;
			double[] q = new double[d];
			for (int j = 0; j < d; j++)
				q[j] = x.get(best, j);
			for (int b = 0; b < m; b++) { // Gram–Schmidt, twice for safety
				for (int pass = 0; pass < 2; pass++) {
					double dot = 0;
					for (int j = 0; j < d; j++)
						dot += q[j] * basis[b][j];
					for (int j = 0; j < d; j++)
						q[j] -= dot * basis[b][j];
				}
			}
			double norm = 0;
			for (double v : q)
				norm += v * v;
			norm = Math.sqrt(norm);
			if (norm == 0) norm = 1;
			for (int j = 0; j < d; j++)
				q[j] /= norm;
			basis[m] = q;
			for (int i = 0; i < n; i++) {
				double dot = 0;
				for (int j = 0; j < d; j++)
					dot += q[j] * x.get(i, j);
				resid[i] = Math.max(0, resid[i] - dot * dot);
			}
			for (int c = 0; c <= m; c++)
				resid[idx[c]] = -1; // never pick a corner twice
		}
		return idx;
	}

	private int[] randomStart(int n, int k) {
		SplittableRandom rnd = new SplittableRandom(s.seed());
		int[] idx = new int[k];
		for (int m = 0; m < k; m++) {
			int cand;
			boolean fresh;
			do {
				cand = rnd.nextInt(n);
				fresh = true;
				for (int c = 0; c < m; c++)
					fresh &= idx[c] != cand;
			}
			while (!fresh);
			idx[m] = cand;
		}
		return idx;
	}
}
