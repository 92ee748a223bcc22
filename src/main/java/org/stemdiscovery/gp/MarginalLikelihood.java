package org.stemdiscovery.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Log marginal likelihood of a zero-mean GP and its gradient with respect to the log-hyperparameters,
 * {@code ½ Σ (ααᵀ − K⁻¹) ∘ ∂K/∂θ}, with EJML's dense Cholesky.
 */
public final class MarginalLikelihood {

	private MarginalLikelihood() {}

	/** Covariance of the training points plus noise on the diagonal. */
	static DMatrixRMaj covariance(Observations o, Hyperparameters h) {
		int n = o.size();
		DMatrixRMaj k = new DMatrixRMaj(n, n);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < i; j++) {
				double v = h.kernel().at(Observations.r2(o.x()[i], o.y()[i], o.x()[j], o.y()[j]));
				k.unsafe_set(i, j, v);
				k.unsafe_set(j, i, v);
			}
			k.unsafe_set(i, i, h.kernel().at(0) + h.noise());
		}
		return k;
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
		int n = o.size();
		DMatrixRMaj l = cholesky(covariance(o, h));
		// α = K⁻¹ y by two triangular solves
		double[] z = forward(l, o.value());
		double[] alpha = backward(l, z);
		double lml = 0;
		for (int i = 0; i < n; i++)
			lml += -0.5 * o.value()[i] * alpha[i] - Math.log(l.unsafe_get(i, i));
		lml -= 0.5 * n * Math.log(2 * Math.PI);
		if (grad == null) return lml;

		// K⁻¹ = L⁻ᵀ L⁻¹ (EJML's row-major solveL against an identity is ~10× slower than these row operations)
		DMatrixRMaj linv = lowerInverse(l);
		DMatrixRMaj kinv = lowerGram(linv);

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
		int n = l.numRows;
		DMatrixRMaj inv = new DMatrixRMaj(n, n);
		double[] a = inv.data, ld = l.data;
		for (int i = 0; i < n; i++) {
			int ri = i * n;
			for (int k = 0; k < i; k++) {
				double f = ld[ri + k];
				if (f == 0) continue;
				int rk = k * n;
				for (int j = 0; j <= k; j++)
					a[ri + j] -= f * a[rk + j];
			}
			a[ri + i] = 1;
			double d = 1 / ld[ri + i];
			for (int j = 0; j <= i; j++)
				a[ri + j] *= d;
		}
		return inv;
	}

	/**
	 * The lower triangle of {@code Lᵀ L} for lower-triangular L (only that triangle is read by the gradient):
	 * row k of L adds {@code L[k,a]·L[k,0..a]} to row a, a contiguous axpy; n³/6 instead of n³.
	 */
	static DMatrixRMaj lowerGram(DMatrixRMaj l) {
		int n = l.numRows;
		DMatrixRMaj g = new DMatrixRMaj(n, n);
		double[] out = g.data, ld = l.data;
		for (int k = 0; k < n; k++) {
			int rk = k * n;
			for (int a = 0; a <= k; a++) {
				double f = ld[rk + a];
				if (f == 0) continue;
				int ra = a * n;
				for (int b = 0; b <= a; b++)
					out[ra + b] += f * ld[rk + b];
			}
		}
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
