package org.stemdiscovery.decompose;

import java.util.Random;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * Non-negative matrix factorisation X ≈ WH with W, H ≥ 0, minimising ‖X − WH‖F: components are the rows of
 * H, abundances the columns of W. The default solver is scikit-learn's 'cd' (Hsieh &amp; Dhillon 2011:
 * coordinate descent = HALS, W then H each iteration, the same projected-gradient stopping rule); the two
 * products X·Hᵀ and Wᵀ·X that cost O(n·d·k) are computed once per half-iteration and reused for
 * {@link NmfSettings#sweeps()} cheap O(k²) coordinate sweeps per row, which converges in fewer products.
 * Start: NNDSVD(a) (Boutsidis &amp; Gallopoulos 2008) from an exact truncated SVD, or seeded random values.
 */
public final class Nmf implements Unmixer {

	/** Zero threshold of NNDSVD and the smallest denominator of MU, as scikit-learn uses. */
	private static final double NNDSVD_EPS = 1e-6, MU_EPS = Math.ulp(1f);

	private final NmfSettings s;

	public Nmf(NmfSettings settings) {
		this.s = settings;
	}

	public NmfSettings settings() {
		return s;
	}

	@Override
	public String name() {
		return "nmf";
	}

	@Override
	public Decomposition unmix(Samples input, Progress progress) {
		int k = s.k();
		input.checkComponents(k);
		Samples x = nonNegative(input);
		int n = x.n(), d = x.d();
		try (Parallel par = new Parallel(s.threads())) {
			double[] xd = Dense.widen(x.data()), xt = Dense.transpose(xd, n, d);
			double norm2 = x.frobeniusSquared();
			double[] a = new double[k * n], c = new double[k * d]; // W transposed (k × n), H (k × d)
			progress.report(0, "initialising (" + s.init().name().toLowerCase() + ")");
			initialise(x, xd, xt, a, c, par);
			progress.checkCancelled();
			int[] iterations = { 0 };
			boolean converged = s.solver() == NmfSettings.Solver.CD ? cd(x, xd, xt, a, c, norm2, par, progress, iterations)
				: mu(x, xd, xt, a, c, norm2, par, progress, iterations);
			double[][] comps = Dense.rows(c, k, d), abund = Dense.rows(a, k, n);
			double err = Dense.relativeError(x, abund, comps, par);
			double[] share = new double[k];
			double total = 0;
			for (int t = 0; t < k; t++) {
				double sa = 0, sc = 0;
				for (double v : abund[t])
					sa += v;
				for (double v : comps[t])
					sc += v;
				share[t] = sa * sc;
				total += share[t];
			}
			for (int t = 0; t < k; t++)
				share[t] = total > 0 ? share[t] / total : 0;
			progress.report(1, "done");
			return new Decomposition(name(), comps, abund, x.grid(), err, share, null, null, iterations[0], converged);
		}
	}

	/** The samples themselves, or shifted to a zero minimum when asked; negative data is refused otherwise. */
	private Samples nonNegative(Samples x) {
		float min = x.min();
		if (min >= 0) return x;
		if (!s.shift()) throw new InputException("the stack has negative values (minimum " + min +
			"); NMF needs non-negative data: use SVD or N-FINDR, or let NMF shift it to a zero minimum (--shift, or " +
			"'Shift negative data' in Fiji)");
		float[] shifted = new float[x.data().length];
		for (int i = 0; i < shifted.length; i++)
			shifted[i] = x.data()[i] - min;
		return new Samples(shifted, x.n(), x.d(), x.grid());
	}

	private void initialise(Samples x, double[] xd, double[] xt, double[] a, double[] c, Parallel par) {
		int k = s.k(), n = x.n(), d = x.d();
		double mean = 0;
		for (float v : x.data())
			mean += v;
		mean /= x.data().length;
		if (s.init() == NmfSettings.Init.RANDOM) {
			// scikit-learn's 'random': sqrt(mean / k) · |N(0, 1)|
			Random rnd = new Random(s.seed());
			double scale = Math.sqrt(mean / k);
			for (int i = 0; i < c.length; i++)
				c[i] = scale * Math.abs(rnd.nextGaussian());
			for (int i = 0; i < a.length; i++)
				a[i] = scale * Math.abs(rnd.nextGaussian());
			return;
		}
		TruncatedSvd.Result svd = TruncatedSvd.compute(xd, xt, n, d, k, s.seed(), par);
		for (int t = 0; t < k; t++) {
			double sigma = svd.s()[t];
			double[] u = new double[n], v = new double[d];
			for (int i = 0; i < n; i++)
				u[i] = sigma > 0 ? svd.us()[t * n + i] / sigma : 0;
			System.arraycopy(svd.vt(), t * d, v, 0, d);
			double lambda;
			if (t == 0) {
				for (int i = 0; i < n; i++)
					u[i] = Math.abs(u[i]);
				for (int j = 0; j < d; j++)
					v[j] = Math.abs(v[j]);
				lambda = Math.sqrt(sigma);
			}
			else {
				// Keep the sign pattern (positive or negative parts of both vectors) with the larger product of norms.
				double up = 0, un = 0, vp = 0, vn = 0;
				for (double e : u) {
					if (e > 0) up += e * e;
					else un += e * e;
				}
				for (double e : v) {
					if (e > 0) vp += e * e;
					else vn += e * e;
				}
				up = Math.sqrt(up);
				un = Math.sqrt(un);
				vp = Math.sqrt(vp);
				vn = Math.sqrt(vn);
				boolean positive = up * vp > un * vn;
				double nu = positive ? up : un, nv = positive ? vp : vn;
				for (int i = 0; i < n; i++)
					u[i] = nu > 0 ? (positive ? Math.max(u[i], 0) : Math.max(-u[i], 0)) / nu : 0;
				for (int j = 0; j < d; j++)
					v[j] = nv > 0 ? (positive ? Math.max(v[j], 0) : Math.max(-v[j], 0)) / nv : 0;
				lambda = Math.sqrt(sigma * (positive ? up * vp : un * vn));
			}
			for (int i = 0; i < n; i++)
				a[t * n + i] = lambda * u[i];
			for (int j = 0; j < d; j++)
				c[t * d + j] = lambda * v[j];
		}
		boolean fill = s.init() == NmfSettings.Init.NNDSVDA;
		for (double[] f : new double[][] { a, c })
			for (int i = 0; i < f.length; i++)
				if (f[i] < NNDSVD_EPS) f[i] = fill ? mean : 0;
	}

	/** Coordinate descent; returns whether the projected-gradient rule (or the target error) stopped it. */
	private boolean cd(Samples x, double[] xd, double[] xt, double[] a, double[] c, double norm2, Parallel par, Progress progress,
		int[] iterations) {
		int k = s.k(), n = x.n(), d = x.d();
		double[] hht = Dense.crossRows(c, k, c, k, d);
		double violation0 = 0;
		for (int it = 1; it <= s.maxIter(); it++) {
			iterations[0] = it;
			double[] p = Dense.mulT(xt, d, n, c, k, par); // (X Hᵀ)ᵀ
			double violation = hals(a, n, p, hht, par);
			double[] wtw = Dense.crossRows(a, k, a, k, n);
			double[] q = Dense.mulT(xd, n, d, a, k, par); // Wᵀ X
			violation += hals(c, d, q, wtw, par);
			hht = Dense.crossRows(c, k, c, k, d);
			if (it == 1) violation0 = violation;
			double err = traceError(c, q, wtw, hht, norm2, d);
			progress.report((double) it / s.maxIter(), String.format("iteration %d, error %.5f", it, err));
			progress.checkCancelled();
			if (violation0 == 0 || violation / violation0 <= s.tol()) return true;
			if (s.stopBelow() > 0 && err <= s.stopBelow()) return true;
		}
		return false;
	}

	/**
	 * HALS update of the k × m factor f (columns independent) for data products p (k × m) and Gram g (k × k):
	 * coordinate sweeps per column until the change is 1 % of the first sweep's or {@code sweeps} are done.
	 * Returns the first sweep's projected-gradient norm (scikit-learn's 'violation').
	 */
	private double hals(double[] f, int m, double[] p, double[] g, Parallel par) {
		int k = s.k(), sweeps = s.sweeps();
		double[] viol = new double[m];
		par.forRange(m, 256, (from, to) -> {
			double[] col = new double[k];
			for (int i = from; i < to; i++) {
				for (int t = 0; t < k; t++)
					col[t] = f[t * m + i];
				double first = 0, v = 0;
				for (int sweep = 0; sweep < sweeps; sweep++) {
					double change = 0;
					for (int t = 0; t < k; t++) {
						double grad = -p[t * m + i];
						for (int r = 0; r < k; r++)
							grad += g[t * k + r] * col[r];
						if (sweep == 0) v += Math.abs(col[t] == 0 ? Math.min(0, grad) : grad);
						double h = g[t * k + t];
						if (h != 0) {
							double next = Math.max(col[t] - grad / h, 0);
							change += (next - col[t]) * (next - col[t]) * h;
							col[t] = next;
						}
					}
					if (sweep == 0) first = change;
					else if (change <= 1e-4 * first) break;
				}
				viol[i] = v;
				for (int t = 0; t < k; t++)
					f[t * m + i] = col[t];
			}
		});
		double sum = 0;
		for (double v : viol)
			sum += v;
		return sum;
	}

	/** ‖X − WH‖F/‖X‖F from the products already at hand: ‖X‖² − 2⟨H, WᵀX⟩ + ⟨WᵀW, HHᵀ⟩. */
	private double traceError(double[] c, double[] q, double[] wtw, double[] hht, double norm2, int d) {
		double cross = 0;
		for (int i = 0; i < c.length; i++)
			cross += c[i] * q[i];
		double quad = 0;
		for (int i = 0; i < wtw.length; i++)
			quad += wtw[i] * hht[i];
		return Math.sqrt(Math.max(0, norm2 - 2 * cross + quad) / norm2);
	}

	/** Lee–Seung multiplicative updates with scikit-learn's stopping rule (error change every 10 iterations). */
	private boolean mu(Samples x, double[] xd, double[] xt, double[] a, double[] c, double norm2, Parallel par, Progress progress,
		int[] iterations) {
		int k = s.k(), n = x.n(), d = x.d();
		double initial = Dense.relativeError(x, Dense.rows(a, k, n), Dense.rows(c, k, d), par) * Math.sqrt(norm2);
		double previous = initial;
		for (int it = 1; it <= s.maxIter(); it++) {
			iterations[0] = it;
			double[] hht = Dense.crossRows(c, k, c, k, d);
			double[] p = Dense.mulT(xt, d, n, c, k, par);
			multiply(a, n, p, hht, par);
			double[] wtw = Dense.crossRows(a, k, a, k, n);
			double[] q = Dense.mulT(xd, n, d, a, k, par);
			multiply(c, d, q, wtw, par);
			double err = Double.NaN;
			if (it % 10 == 0 || s.stopBelow() > 0) err = traceError(c, q, wtw, Dense.crossRows(c, k, c, k, d), norm2, d);
			progress.report((double) it / s.maxIter(), "iteration " + it);
			progress.checkCancelled();
			if (s.stopBelow() > 0 && err <= s.stopBelow()) return true;
			if (s.tol() > 0 && it % 10 == 0) {
				double abs = err * Math.sqrt(norm2);
				if ((previous - abs) / initial < s.tol()) return true;
				previous = abs;
			}
		}
		return false;
	}

	/** f ← f ∘ p / (g f), column by column; a zero denominator becomes float epsilon as in scikit-learn. */
	private void multiply(double[] f, int m, double[] p, double[] g, Parallel par) {
		int k = s.k();
		par.forRange(m, 256, (from, to) -> {
			double[] col = new double[k];
			for (int i = from; i < to; i++) {
				for (int t = 0; t < k; t++)
					col[t] = f[t * m + i];
				for (int t = 0; t < k; t++) {
					double den = 0;
					for (int r = 0; r < k; r++)
						den += g[t * k + r] * col[r];
					f[t * m + i] = col[t] * p[t * m + i] / (den == 0 ? MU_EPS : den);
				}
			}
		});
	}
}
