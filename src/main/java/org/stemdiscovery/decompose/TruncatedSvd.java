package org.stemdiscovery.decompose;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The r largest singular triplets of an n × d data matrix, through the Gram matrix of its smaller side
 * (XᵀX or XXᵀ, at most 1024 × 1024 for 32 px frames) and block subspace iteration with Rayleigh–Ritz on it.
 *
 * <p>Why not EJML's SVD of X itself: on the 3721 × 1024 pillars stack it took 11–12 s (values only 11 s),
 * EJML's own XᵀX ({@code multInner}) 18–24 s and its symmetric eigen-decomposition of the 1024² Gram matrix
 * with vectors 4.6–6 s; the tiled Gram product here and a few subspace iterations on it take a fraction of a
 * second and give the singular values to ~1e-12 relative. EJML still does the small dense work (QR of the
 * d × b block, eigen-decomposition of the b × b Rayleigh quotient).
 *
 * <p>The Gram matrix squares the condition number: a singular value σ comes out with an absolute error of
 * about ε·σ₁²/σ, harmless for the few leading values wanted here (σ₁/σ₆ ≈ 35 on the FFT stacks).
 */
final class TruncatedSvd {

	/**
	 * @param s  singular values, descending (r)
	 * @param vt right singular vectors as rows (r × d), each signed so its entries sum to ≥ 0
	 * @param us left singular vectors times singular values as rows (r × n): the scores X·v
	 */
	record Result(double[] s, double[] vt, double[] us, int iterations, boolean converged) {}

	private static final int MAX_ITER = 1000;
	private static final double TOL = 1e-10;

	private TruncatedSvd() {}

	/** Top r triplets of the row-major n × d matrix {@code x}; {@code xt} is its d × n transpose. */
	static Result compute(double[] x, double[] xt, int n, int d, int r, long seed, Parallel par) {
		boolean features = d <= n;
		int p = features ? d : n;
		double[] g = features ? Dense.gram(x, n, d, par) : Dense.gram(xt, d, n, par);
		Eigen e = topEigen(g, p, r, seed);
		double[] s = new double[r];
		for (int t = 0; t < r; t++)
			s[t] = Math.sqrt(Math.max(0, e.values[t]));
		double[] vt, us;
		if (features) {
			vt = e.vectors;
			us = Dense.mulT(xt, d, n, vt, r, par); // (X v_t)ᵀ
		}
		else {
			us = new double[r * n];
			for (int t = 0; t < r; t++)
				for (int i = 0; i < n; i++)
					us[t * n + i] = e.vectors[t * n + i] * s[t];
			vt = Dense.mulT(x, n, d, e.vectors, r, par); // (Xᵀ u_t)ᵀ = σ_t v_t
			for (int t = 0; t < r; t++)
				for (int j = 0; j < d; j++)
					vt[t * d + j] = s[t] > 0 ? vt[t * d + j] / s[t] : 0;
		}
		for (int t = 0; t < r; t++) {
			double sum = 0;
			for (int j = 0; j < d; j++)
				sum += vt[t * d + j];
			if (sum < 0) {
				for (int j = 0; j < d; j++)
					vt[t * d + j] = -vt[t * d + j];
				for (int i = 0; i < n; i++)
					us[t * n + i] = -us[t * n + i];
			}
		}
		return new Result(s, vt, us, e.iterations, e.converged);
	}

	/** Eigenpairs: values descending, vectors as rows (r × p). */
	record Eigen(double[] values, double[] vectors, int iterations, boolean converged) {}

	/** The r largest eigenpairs of the symmetric p × p matrix {@code g} (row-major). */
	static Eigen topEigen(double[] g, int p, int r, long seed) {
		int b = Math.min(p, Math.max(2 * r, r + 10));
		DMatrixRMaj gm = DMatrixRMaj.wrap(p, p, g);
		if (p <= 128 || 2 * b >= p) return full(gm, p, r);
		// Block Q kept transposed (b × p): Qᵀ·G is then an axpy-friendly product for EJML's row-major kernels.
		SplittableRandom rnd = new SplittableRandom(seed);
		DMatrixRMaj qt = new DMatrixRMaj(b, p);
		for (int i = 0; i < qt.data.length; i++)
			qt.data[i] = rnd.nextDouble() - 0.5;
		orthonormaliseRows(qt);
		DMatrixRMaj zt = new DMatrixRMaj(b, p), small = new DMatrixRMaj(b, b), y = new DMatrixRMaj(b, b);
		DMatrixRMaj vt = new DMatrixRMaj(b, p), gvt = new DMatrixRMaj(b, p);
		EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(b, true, true);
		double[] theta = new double[b];
		for (int it = 1;; it++) {
			CommonOps_DDRM.mult(qt, gm, zt); // rows: (G q_t)ᵀ
			CommonOps_DDRM.multTransB(zt, qt, small); // QᵀGQ
			symmetrise(small);
			if (!eig.decompose(small.copy())) throw new IllegalStateException("eigen-decomposition failed");
			Integer[] order = descending(eig, b, theta);
			for (int c = 0; c < b; c++) {
				DMatrixRMaj v = eig.getEigenVector(order[c]);
				for (int q = 0; q < b; q++)
					y.set(c, q, v.get(q, 0));
			}
			CommonOps_DDRM.mult(y, qt, vt); // Ritz vectors as rows
			CommonOps_DDRM.mult(y, zt, gvt); // G times them
			double worst = 0, scale = Math.max(Math.abs(theta[0]), Double.MIN_NORMAL);
			for (int c = 0; c < r; c++) {
				double res = 0;
				for (int j = 0; j < p; j++) {
					double e = gvt.get(c, j) - theta[c] * vt.get(c, j);
					res += e * e;
				}
				worst = Math.max(worst, Math.sqrt(res) / scale);
			}
			if (worst <= TOL || it >= MAX_ITER) {
				double[] values = Arrays.copyOf(theta, r);
				double[] vec = Arrays.copyOf(vt.data, r * p);
				return new Eigen(values, vec, it, worst <= TOL);
			}
			qt.setTo(gvt);
			orthonormaliseRows(qt);
		}
	}

	private static Eigen full(DMatrixRMaj g, int p, int r) {
		EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
		DMatrixRMaj a = g.copy();
		symmetrise(a);
		if (!eig.decompose(a)) throw new IllegalStateException("eigen-decomposition failed");
		double[] theta = new double[p];
		Integer[] order = descending(eig, p, theta);
		double[] vec = new double[r * p];
		for (int c = 0; c < r; c++) {
			DMatrixRMaj v = eig.getEigenVector(order[c]);
			for (int j = 0; j < p; j++)
				vec[c * p + j] = v.get(j, 0);
		}
		return new Eigen(Arrays.copyOf(theta, r), vec, 1, true);
	}

	private static Integer[] descending(EigenDecomposition_F64<DMatrixRMaj> eig, int b, double[] sortedValues) {
		Integer[] order = new Integer[b];
		for (int i = 0; i < b; i++)
			order[i] = i;
		Arrays.sort(order, (u, v) -> Double.compare(eig.getEigenvalue(v).real, eig.getEigenvalue(u).real));
		for (int i = 0; i < b; i++)
			sortedValues[i] = eig.getEigenvalue(order[i]).real;
		return order;
	}

	private static void symmetrise(DMatrixRMaj a) {
		int m = a.numRows;
		for (int i = 0; i < m; i++)
			for (int j = 0; j < i; j++) {
				double v = 0.5 * (a.get(i, j) + a.get(j, i));
				a.set(i, j, v);
				a.set(j, i, v);
			}
	}

	/** Replaces the rows of {@code qt} by an orthonormal basis of their span (EJML Householder QR). */
	private static void orthonormaliseRows(DMatrixRMaj qt) {
		DMatrixRMaj q = CommonOps_DDRM.transpose(qt, null);
		QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(q.numRows, q.numCols);
		if (!qr.decompose(q)) throw new IllegalStateException("QR failed");
		DMatrixRMaj basis = qr.getQ(null, true);
		CommonOps_DDRM.transpose(basis, qt);
	}
}
