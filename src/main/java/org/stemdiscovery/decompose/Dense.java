package org.stemdiscovery.decompose;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two products every method here spends its time in, written so the JIT vectorises their inner loops
 * (axpy over contiguous rows): a Gram matrix RᵀR and a product with a transposed data matrix. Everything
 * smaller (QR, eigen, determinants) goes to EJML.
 */
final class Dense {

	private Dense() {}

	/** The values widened to double: the products below run about twice as fast on doubles as on floats. */
	static double[] widen(float[] x) {
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++)
			out[i] = x[i];
		return out;
	}

	/** The {@code p × m} transpose of a row-major {@code m × p} matrix. */
	static double[] transpose(double[] x, int m, int p) {
		double[] t = new double[x.length];
		final int b = 64; // cache blocks: neither the rows read nor the rows written leave L1/L2
		for (int i0 = 0; i0 < m; i0 += b)
			for (int j0 = 0; j0 < p; j0 += b)
				for (int i = i0; i < Math.min(m, i0 + b); i++)
					for (int j = j0; j < Math.min(p, j0 + b); j++)
						t[j * m + i] = x[i * p + j];
		return t;
	}

	/**
	 * G = RᵀR ({@code p × p}, row-major) of the row-major {@code m × p} matrix R, in column tiles that stay
	 * in cache while the rows stream past four at a time; the upper triangle is computed and mirrored.
	 */
	static double[] gram(double[] r, int m, int p, Parallel par) {
		double[] g = new double[p * p];
		final int ta = 16, tb = 512;
		int blocks = (p + ta - 1) / ta;
		AtomicInteger next = new AtomicInteger();
		par.forRange(par.threads(), 1, (from, to) -> {
			for (int blk; (blk = next.getAndIncrement()) < blocks;) {
				int a0 = blk * ta, a1 = Math.min(p, a0 + ta);
				for (int b0 = a0; b0 < p; b0 += tb) {
					int b1 = Math.min(p, b0 + tb);
					int i = 0;
					for (; i + 4 <= m; i += 4) {
						int r0 = i * p, r1 = r0 + p, r2 = r1 + p, r3 = r2 + p;
						for (int a = a0; a < a1; a++) {
							double x0 = r[r0 + a], x1 = r[r1 + a], x2 = r[r2 + a], x3 = r[r3 + a];
							int ga = a * p;
							for (int b = Math.max(a, b0); b < b1; b++)
								g[ga + b] += x0 * r[r0 + b] + x1 * r[r1 + b] + x2 * r[r2 + b] + x3 * r[r3 + b];
						}
					}
					for (; i < m; i++) {
						int row = i * p;
						for (int a = a0; a < a1; a++) {
							double xa = r[row + a];
							int ga = a * p;
							for (int b = Math.max(a, b0); b < b1; b++)
								g[ga + b] += xa * r[row + b];
						}
					}
				}
			}
		});
		for (int a = 0; a < p; a++)
			for (int b = 0; b < a; b++)
				g[a * p + b] = g[b * p + a];
		return g;
	}

	/**
	 * {@code out[t][i] = Σ_j c[t][j] · rt[j][i]} (out r × m) for a row-major {@code p × m} matrix {@code rt} and
	 * {@code r × p} coefficients {@code c}. With {@code rt} = Xᵀ this is C·Xᵀ (the scores of every sample on the
	 * rows of C); with {@code rt} = X it is C·X (coefficient-weighted sums of the samples). Four rows of rt are
	 * folded in per pass over out; threads take ranges of i, so they write apart.
	 */
	static double[] mulT(double[] rt, int p, int m, double[] c, int r, Parallel par) {
		double[] out = new double[r * m];
		par.forRange(m, 256, (from, to) -> {
			int j = 0;
			for (; j + 4 <= p; j += 4) {
				int r0 = j * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
				for (int t = 0; t < r; t++) {
					int ct = t * p + j, o = t * m;
					double c0 = c[ct], c1 = c[ct + 1], c2 = c[ct + 2], c3 = c[ct + 3];
					if (c0 == 0 && c1 == 0 && c2 == 0 && c3 == 0) continue; // NMF factors are sparse
					for (int i = from; i < to; i++)
						out[o + i] += c0 * rt[r0 + i] + c1 * rt[r1 + i] + c2 * rt[r2 + i] + c3 * rt[r3 + i];
				}
			}
			for (; j < p; j++) {
				int row = j * m;
				for (int t = 0; t < r; t++) {
					double ctj = c[t * p + j];
					int o = t * m;
					for (int i = from; i < to; i++)
						out[o + i] += ctj * rt[row + i];
				}
			}
		});
		return out;
	}

	/** A · Bᵀ of row-major {@code r × p} A and {@code s × p} B: the small {@code r × s} cross products. */
	static double[] crossRows(double[] a, int r, double[] b, int s, int p) {
		double[] out = new double[r * s];
		for (int t = 0; t < r; t++)
			for (int u = 0; u < s; u++) {
				double sum = 0;
				for (int j = 0; j < p; j++)
					sum += a[t * p + j] * b[u * p + j];
				out[t * s + u] = sum;
			}
		return out;
	}

	/**
	 * ‖X − AᵀC‖F / ‖X‖F for abundances A (k × n) and components C (k × d), summed exactly (not by the trace
	 * identity, which loses digits when the fit is close).
	 */
	static double relativeError(Samples x, double[][] a, double[][] c, Parallel par) {
		int n = x.n(), d = x.d(), k = c.length;
		double[] parts = new double[n];
		par.forRange(n, 64, (from, to) -> {
			double[] rec = new double[d];
			for (int i = from; i < to; i++) {
				java.util.Arrays.fill(rec, 0);
				for (int t = 0; t < k; t++) {
					double ati = a[t][i];
					if (ati == 0) continue;
					double[] ct = c[t];
					for (int j = 0; j < d; j++)
						rec[j] += ati * ct[j];
				}
				double s = 0;
				int row = i * d;
				for (int j = 0; j < d; j++) {
					double e = x.data()[row + j] - rec[j];
					s += e * e;
				}
				parts[i] = s;
			}
		});
		double num = 0;
		for (double v : parts)
			num += v;
		return Math.sqrt(num / x.frobeniusSquared());
	}

	/** Rows of a row-major {@code r × p} array as {@code double[r][p]}. */
	static double[][] rows(double[] flat, int r, int p) {
		double[][] out = new double[r][p];
		for (int t = 0; t < r; t++)
			System.arraycopy(flat, t * p, out[t], 0, p);
		return out;
	}
}
