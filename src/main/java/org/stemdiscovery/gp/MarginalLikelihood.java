package org.stemdiscovery.gp;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Log marginal likelihood of a zero-mean GP and its gradient with respect to the log-hyperparameters,
 * {@code ½ Σ (ααᵀ − K⁻¹) ∘ ∂K/∂θ}, with EJML's dense Cholesky.
 *
 * <p>The O(n³) passes after the factorisation (L⁻¹, the lower triangle of K⁻¹) and the covariance run in
 * blocks on a pool the caller owns (its size is the caller's thread setting; EJML's own concurrency is a
 * process-wide setting, which this project does not touch). Each entry is summed in the same order as on one
 * thread, so the likelihood and its gradient are the same, bit for bit, for any pool and as before.
 */
public final class MarginalLikelihood {

	private MarginalLikelihood() {}

	/** Covariance of the training points plus noise on the diagonal. */
	static DMatrixRMaj covariance(Observations o, Hyperparameters h) {
		return covariance(o, h, null);
	}

	static DMatrixRMaj covariance(Observations o, Hyperparameters h, ForkJoinPool pool) {
		int n = o.size();
		DMatrixRMaj k = new DMatrixRMaj(n, n);
		blocks(pool, n, ROWS, (from, to) -> {
			for (int i = from; i < to; i++) {
				for (int j = 0; j < i; j++) {
					double v = h.kernel().at(Observations.r2(o.x()[i], o.y()[i], o.x()[j], o.y()[j]));
					k.unsafe_set(i, j, v);
					k.unsafe_set(j, i, v);
				}
				k.unsafe_set(i, i, h.kernel().at(0) + h.noise());
			}
		});
		return k;
	}

	/** Rows (or columns) per block of a parallel pass: small enough to balance the triangular passes. */
	private static final int ROWS = 16;

	@FunctionalInterface
	private interface Block {
		void run(int from, int to);
	}

	/** Runs {@code [0, n)} in blocks of {@code size}, on {@code pool} when there is one. */
	private static void blocks(ForkJoinPool pool, int n, int size, Block b) {
		int count = (n + size - 1) / size;
		IntConsumer one = k -> b.run(k * size, Math.min(n, (k + 1) * size));
		if (pool == null || count < 2) for (int k = 0; k < count; k++)
			one.accept(k);
		else pool.submit(() -> IntStream.range(0, count).parallel().forEach(one)).join();
	}

	/**
	 * Lower Cholesky factor of {@code k}; when the matrix is not numerically positive definite, jitter
	 * (1e-10 of the mean diagonal, growing ×10 up to 1e-4) is added until it is.
	 *
	 * @return the factor; {@code k} is left unchanged
	 */
	static DMatrixRMaj cholesky(DMatrixRMaj k) {
		int n = k.numRows;
		double meanDiag = 0;
		for (int i = 0; i < n; i++)
			meanDiag += k.unsafe_get(i, i) / n;
		for (double jitter = 0; jitter <= 1e-4 * meanDiag; jitter = jitter == 0 ? 1e-10 * meanDiag : jitter * 10) {
			DMatrixRMaj a = k.copy();
			for (int i = 0; i < n; i++)
				a.unsafe_set(i, i, a.unsafe_get(i, i) + jitter);
			CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
			if (chol.decompose(a)) {
				DMatrixRMaj l = chol.getT(null);
				boolean ok = true;
				for (int i = 0; i < n && ok; i++)
					ok = l.unsafe_get(i, i) > 0 && Double.isFinite(l.unsafe_get(i, i));
				if (ok) return l;
			}
		}
		throw new IllegalStateException("the covariance of " + n + " points is not positive definite even with " +
			"jitter; points may repeat or the noise is too small");
	}

	/** Log marginal likelihood; fills {@code grad} (length = log-parameters) when it is not null. */
	public static double evaluate(Observations o, Hyperparameters h, double[] grad) {
		return evaluate(o, h, grad, null);
	}

	/** As {@link #evaluate(Observations, Hyperparameters, double[])}, with the passes on {@code pool} (null: this thread). */
	public static double evaluate(Observations o, Hyperparameters h, double[] grad, ForkJoinPool pool) {
		int n = o.size();
		DMatrixRMaj l = cholesky(covariance(o, h, pool));
		// α = K⁻¹ y by two triangular solves
		double[] z = forward(l, o.value());
		double[] alpha = backward(l, z);
		double lml = 0;
		for (int i = 0; i < n; i++)
			lml += -0.5 * o.value()[i] * alpha[i] - Math.log(l.unsafe_get(i, i));
		lml -= 0.5 * n * Math.log(2 * Math.PI);
		if (grad == null) return lml;

		// K⁻¹ = L⁻ᵀ L⁻¹ (EJML's row-major solveL against an identity is ~10× slower than these row operations)
		DMatrixRMaj linv = lowerInverse(l, pool);
		DMatrixRMaj kinv = lowerGram(linv, pool);

		// One running sum in the order it always had (a blocked sum would move the fit's path in the last bits
		// and with it the picks of recorded runs); this pass is O(n²), the O(n³) ones above are the parallel ones.
		int kp = h.kernel().logParameters().length;
		java.util.Arrays.fill(grad, 0);
		double[] g = new double[kp];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < i; j++) {
				h.kernel().gradient(Observations.r2(o.x()[i], o.y()[i], o.x()[j], o.y()[j]), g);
				double w = alpha[i] * alpha[j] - kinv.unsafe_get(i, j); // off-diagonal counted twice, times ½
				for (int p = 0; p < kp; p++)
					grad[p] += w * g[p];
			}
			h.kernel().gradient(0, g);
			double w = 0.5 * (alpha[i] * alpha[i] - kinv.unsafe_get(i, i));
			for (int p = 0; p < kp; p++)
				grad[p] += w * g[p];
			grad[kp] += w * h.noise();
		}
		return lml;
	}

	/**
	 * L⁻¹ of a lower-triangular L by rows: row i = (e_i − Σ_{k<i} L[i,k]·row k) / L[i,i], each row k non-zero
	 * only up to column k, so the inner loop is a contiguous axpy.
	 */
	static DMatrixRMaj lowerInverse(DMatrixRMaj l) {
		return lowerInverse(l, null);
	}

	/** Columns of L⁻¹ are independent: blocks of columns go to the pool, each entry summed in the serial order. */
	static DMatrixRMaj lowerInverse(DMatrixRMaj l, ForkJoinPool pool) {
		int n = l.numRows;
		DMatrixRMaj inv = new DMatrixRMaj(n, n);
		double[] a = inv.data, ld = l.data;
		blocks(pool, n, ROWS, (c0, c1) -> {
			for (int i = c0; i < n; i++) {
				int ri = i * n;
				for (int k = c0; k < i; k++) {
					double f = ld[ri + k];
					if (f == 0) continue;
					int rk = k * n, top = Math.min(k, c1 - 1);
					for (int j = c0; j <= top; j++)
						a[ri + j] -= f * a[rk + j];
				}
				if (i < c1) a[ri + i] = 1;
				double d = 1 / ld[ri + i];
				int top = Math.min(i, c1 - 1);
				for (int j = c0; j <= top; j++)
					a[ri + j] *= d;
			}
		});
		return inv;
	}

	/**
	 * The lower triangle of {@code Lᵀ L} for lower-triangular L (only that triangle is read by the gradient):
	 * row k of L adds {@code L[k,a]·L[k,0..a]} to row a, a contiguous axpy; n³/6 instead of n³.
	 */
	static DMatrixRMaj lowerGram(DMatrixRMaj l) {
		return lowerGram(l, null);
	}

	/** Blocks of output rows go to the pool; each entry is summed over k in ascending order, as on one thread. */
	static DMatrixRMaj lowerGram(DMatrixRMaj l, ForkJoinPool pool) {
		int n = l.numRows;
		DMatrixRMaj g = new DMatrixRMaj(n, n);
		double[] out = g.data, ld = l.data;
		blocks(pool, n, ROWS, (a0, a1) -> {
			for (int k = a0; k < n; k++) {
				int rk = k * n, top = Math.min(a1 - 1, k);
				for (int a = a0; a <= top; a++) {
					double f = ld[rk + a];
					if (f == 0) continue;
					int ra = a * n;
					for (int b = 0; b <= a; b++)
						out[ra + b] += f * ld[rk + b];
				}
			}
		});
		return g;
	}

	static double[] forward(DMatrixRMaj l, double[] b) {
		int n = l.numRows;
		double[] z = new double[n];
		for (int i = 0; i < n; i++) {
			double s = b[i];
			int row = i * n;
			for (int j = 0; j < i; j++)
				s -= l.data[row + j] * z[j];
			z[i] = s / l.data[row + i];
		}
		return z;
	}

	static double[] backward(DMatrixRMaj l, double[] z) {
		int n = l.numRows;
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double s = z[i];
			for (int j = i + 1; j < n; j++)
				s -= l.data[j * n + i] * x[j];
			x[i] = s / l.data[i * n + i];
		}
		return x;
	}
}
