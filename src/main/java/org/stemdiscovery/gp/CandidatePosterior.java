package org.stemdiscovery.gp;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;

/**
 * GP posterior mean and variance over a fixed set of M candidate points (every pixel of a scan grid), kept up to
 * date as observations arrive, for fixed hyperparameters.
 *
 * <p>It keeps {@code V = L⁻¹ K(X, X*)} (one row of M doubles per observation) with {@code L} the Cholesky factor
 * of {@code K(X, X) + σ²I}. Adding a point appends one row of {@code L} (a forward substitution, n²) and one row
 * of {@code V}: {@code v = (k(x, X*) − Σ_j L[new, j] V[j]) / L[new, new]} (n·M), and the variance over all
 * candidates drops by {@code v²}. The mean is {@code m + Vᵀ L⁻¹(y − m)} with {@code m} the mean of the values
 * when normalising; it is kept as two running sums ({@code Vᵀ L⁻¹ y} and {@code Vᵀ L⁻¹ 1}) so a new value
 * costs one pass over its own row only. A point may be added before its value is known (a kriging-believer
 * fantasy: the mean at that point, which leaves the mean unchanged and only lowers the variance); the value
 * is filled in later with {@link #setValue} and reuses the row.
 *
 * <p>Passes over the candidates run in blocks on a private pool of {@code threads} workers; each block keeps
 * its slice of every row hot in cache, so appending q rows reads the stored rows once.
 */
public final class CandidatePosterior implements AutoCloseable {

	/** Called from a worker after a new row has been applied to candidates {@code [from, to)}. */
	@FunctionalInterface
	public interface RowListener {
		void updated(int from, int to, double[] row);
	}

	private static final int BLOCK = 256, CHUNK = 16;

	private final Hyperparameters hyper;
	private final double[] cx, cy;
	private final int m;
	private final boolean normalise;
	private final ForkJoinPool pool;
	private final int threads;

	private int n;
	private double[] ox = new double[16], oy = new double[16], val = new double[16];
	private double[][] lRows = new double[16][]; // row i has i + 1 entries
	private double[][] vRows = new double[16][];
	private final double[] var; // normalised units, includes the noise of a new measurement
	private final double[] sumY, sumOne; // Vᵀ L⁻¹ y, Vᵀ L⁻¹ 1 over the first meanRows rows
	private double[] betaY = new double[16], betaOne = new double[16];
	private int meanRows;
	private double jitterAdded;
	/** Kernel by integer squared distance when every candidate sits on integer coordinates (null otherwise). */
	private final double[] table;

	/**
	 * @param normalise subtract the mean of the values and scale by their standard deviation, as
	 *                  scikit-learn's {@code normalize_y}; the kernel variance and noise then refer to
	 *                  standardised values
	 */
	public CandidatePosterior(Hyperparameters hyper, double[] candidateX, double[] candidateY, boolean normalise,
		int threads) {
		if (candidateX.length != candidateY.length)
			throw new IllegalArgumentException("candidate x and y differ in length");
		if (threads < 1) throw new IllegalArgumentException("threads " + threads + " must be ≥ 1");
		this.hyper = hyper;
		this.cx = candidateX;
		this.cy = candidateY;
		this.m = candidateX.length;
		this.normalise = normalise;
		this.threads = threads;
		this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
		this.var = new double[m];
		Arrays.fill(var, priorVariance());
		this.sumY = new double[m];
		this.sumOne = new double[m];
		this.table = integerTable(hyper.kernel(), candidateX, candidateY);
	}

	/**
	 * On a pixel grid every squared distance between a pixel and a candidate is a whole number ≤ the bounding
	 * box diagonal², so the kernel (an exp, a pow) becomes a table lookup with identical values.
	 */
	private static double[] integerTable(Kernel k, double[] x, double[] y) {
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
		for (int c = 0; c < x.length; c++) {
			if (x[c] != Math.rint(x[c]) || y[c] != Math.rint(y[c])) return null;
			x0 = Math.min(x0, x[c]);
			x1 = Math.max(x1, x[c]);
			y0 = Math.min(y0, y[c]);
			y1 = Math.max(y1, y[c]);
		}
		double max = (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0);
		if (x.length == 0 || max > (1 << 22)) return null;
		double[] t = new double[(int) max + 1];
		for (int i = 0; i < t.length; i++)
			t[i] = k.at(i);
		return t;
	}

	/** Kernel between candidate c and point (x, y). */
	private double kernelAt(int c, double x, double y) {
		double dx = cx[c] - x, dy = cy[c] - y, r2 = dx * dx + dy * dy;
		if (table != null && r2 < table.length && x == Math.rint(x) && y == Math.rint(y)) return table[(int) r2];
		return hyper.kernel().at(r2);
	}

	/** Candidates at every pixel of a {@code width × height} grid, row-major, x = column, y = row. */
	public static CandidatePosterior onGrid(Hyperparameters hyper, int width, int height, boolean normalise, int threads) {
		double[] x = new double[width * height], y = new double[width * height];
		for (int r = 0; r < height; r++)
			for (int c = 0; c < width; c++) {
				x[r * width + c] = c;
				y[r * width + c] = r;
			}
		return new CandidatePosterior(hyper, x, y, normalise, threads);
	}

	/**
	 * The posterior of all observations at once, the way a full refit computes it: EJML's dense Cholesky of
	 * the whole covariance, then {@code L⁻¹ K(X, X*)} by blocked forward substitution.
	 */
	public static CandidatePosterior fit(Hyperparameters hyper, Observations obs, double[] candidateX,
		double[] candidateY, boolean normalise, int threads) {
		CandidatePosterior p = new CandidatePosterior(hyper, candidateX, candidateY, normalise, threads);
		int k = obs.size();
		DMatrixRMaj l = MarginalLikelihood.cholesky(MarginalLikelihood.covariance(obs, hyper));
		double[][] rows = new double[k][];
		for (int i = 0; i < k; i++)
			rows[i] = Arrays.copyOfRange(l.data, i * k, i * k + i + 1);
		p.appendFactored(obs.x(), obs.y(), rows, null);
		for (int i = 0; i < k; i++)
			p.val[i] = obs.value()[i];
		return p;
	}

	public Hyperparameters hyperparameters() {
		return hyper;
	}

	/** Observations so far, fantasies included. */
	public int size() {
		return n;
	}

	public int candidates() {
		return m;
	}

	public double candidateX(int c) {
		return cx[c];
	}

	public double candidateY(int c) {
		return cy[c];
	}

	public double observationX(int i) {
		return ox[i];
	}

	public double observationY(int i) {
		return oy[i];
	}

	/** The value of observation i; NaN while it is a fantasy. */
	public double value(int i) {
		return val[i];
	}

	/** Total jitter added to the diagonal so far to keep the factor positive (0 in healthy cases). */
	public double jitterAdded() {
		return jitterAdded;
	}

	/** Prior variance of a new measurement: kernel variance plus noise. */
	public double priorVariance() {
		return hyper.kernel().at(0) + hyper.noise();
	}

	/** Adds one point whose value is not known yet (a fantasy); returns its index. */
	public int add(double x, double y, RowListener listener) {
		return addAll(new double[] { x }, new double[] { y }, listener);
	}

	/** Adds points whose values are not known yet in one pass over the stored rows; returns the first index. */
	public int addAll(double[] xs, double[] ys, RowListener listener) {
		int q = xs.length, first = n;
		double[][] rows = new double[q][];
		double[] px = Arrays.copyOf(ox, n + q), py = Arrays.copyOf(oy, n + q);
		for (int k = 0; k < q; k++) {
			px[n + k] = xs[k];
			py[n + k] = ys[k];
		}
		for (int k = 0; k < q; k++)
			rows[k] = choleskyRow(px, py, n + k, rows);
		appendFactored(xs, ys, rows, listener);
		return first;
	}

	/** Adds measured points; returns the first index. */
	public int addObserved(double[] xs, double[] ys, double[] values) {
		int first = addAll(xs, ys, null);
		for (int k = 0; k < values.length; k++)
			setValue(first + k, values[k]);
		return first;
	}

	/** Sets the measured value of observation i (replacing a fantasy). */
	public void setValue(int i, double value) {
		if (!Double.isFinite(value)) throw new IllegalArgumentException("value " + value + " of point " + i +
			" is not finite");
		if (i < meanRows) throw new IllegalStateException("point " + i + " already has a value in the mean");
		val[i] = value;
	}

	/**
	 * Row {@code i} of the Cholesky factor for the point set {@code (px, py)}, where rows {@code ≥ n} not yet
	 * appended come from {@code pending}. Adds jitter to this point's diagonal when it would not be positive.
	 */
	private double[] choleskyRow(double[] px, double[] py, int i, double[][] pending) {
		double[] l = new double[i + 1];
		for (int j = 0; j < i; j++) {
			double s = hyper.kernel().at(Observations.r2(px[i], py[i], px[j], py[j]));
			double[] lj = j < n ? lRows[j] : pending[j - n];
			for (int t = 0; t < j; t++)
				s -= lj[t] * l[t];
			l[j] = s / lj[j];
		}
		double prior = priorVariance(), d2 = prior;
		for (int t = 0; t < i; t++)
			d2 -= l[t] * l[t];
		double floor = 1e-12 * prior;
		if (!(d2 > floor)) {
			double jitter = 1e-10 * prior;
			while (!(d2 + jitter > floor) && jitter < 1e-2 * prior)
				jitter *= 10;
			if (!(d2 + jitter > floor)) throw new IllegalStateException("point (" + px[i] + ", " + py[i] +
				") makes the covariance singular; it may repeat a measured point");
			d2 += jitter;
			jitterAdded += jitter;
		}
		l[i] = Math.sqrt(d2);
		return l;
	}

	private void ensureCapacity(int size) {
		if (size <= ox.length) return;
		int cap = Math.max(size, ox.length * 2);
		ox = Arrays.copyOf(ox, cap);
		oy = Arrays.copyOf(oy, cap);
		val = Arrays.copyOf(val, cap);
		lRows = Arrays.copyOf(lRows, cap);
		vRows = Arrays.copyOf(vRows, cap);
		betaY = Arrays.copyOf(betaY, cap);
		betaOne = Arrays.copyOf(betaOne, cap);
	}

	/** Appends q points with known Cholesky rows: computes their V rows block by block and lowers the variance. */
	private void appendFactored(double[] xs, double[] ys, double[][] rows, RowListener listener) {
		int q = xs.length, old = n;
		ensureCapacity(n + q);
		for (int k = 0; k < q; k++) {
			ox[n + k] = xs[k];
			oy[n + k] = ys[k];
			val[n + k] = Double.NaN;
			lRows[n + k] = rows[k];
			vRows[n + k] = new double[m];
		}
		Kernel kernel = hyper.kernel();
		forEachBlock((from, to) -> {
			for (int k = 0; k < q; k++) {
				double[] v = vRows[old + k];
				double x = xs[k], y = ys[k];
				if (table != null && x == Math.rint(x) && y == Math.rint(y)) {
					for (int c = from; c < to; c++) {
						double dx = cx[c] - x, dy = cy[c] - y, r2 = dx * dx + dy * dy;
						v[c] = r2 < table.length ? table[(int) r2] : kernel.at(r2);
					}
				}
				else for (int c = from; c < to; c++) {
					double dx = cx[c] - x, dy = cy[c] - y;
					v[c] = kernel.at(dx * dx + dy * dy);
				}
			}
			// Stored rows: each is read once per block and applied to all q new rows.
			for (int j = 0; j < old; j++) {
				double[] vj = vRows[j];
				int k = 0;
				for (; k + 3 < q; k += 4) { // four rows per load of vj: the loop stays compute-bound and vectorised
					double a0 = rows[k][j], a1 = rows[k + 1][j], a2 = rows[k + 2][j], a3 = rows[k + 3][j];
					double[] v0 = vRows[old + k], v1 = vRows[old + k + 1], v2 = vRows[old + k + 2], v3 = vRows[old + k + 3];
					for (int c = from; c < to; c++) {
						double x = vj[c];
						v0[c] -= a0 * x;
						v1[c] -= a1 * x;
						v2[c] -= a2 * x;
						v3[c] -= a3 * x;
					}
				}
				for (; k < q; k++) {
					double a = rows[k][j];
					double[] v = vRows[old + k];
					for (int c = from; c < to; c++)
						v[c] -= a * vj[c];
				}
			}
			for (int k = 0; k < q; k++) {
				double[] v = vRows[old + k];
				int t = 0;
				for (; t + 3 < k; t += 4) { // four earlier rows per store (a full refit appends n rows here)
					double a0 = rows[k][old + t], a1 = rows[k][old + t + 1], a2 = rows[k][old + t + 2],
						a3 = rows[k][old + t + 3];
					double[] w0 = vRows[old + t], w1 = vRows[old + t + 1], w2 = vRows[old + t + 2], w3 = vRows[old + t + 3];
					for (int c = from; c < to; c++)
						v[c] -= a0 * w0[c] + a1 * w1[c] + a2 * w2[c] + a3 * w3[c];
				}
				for (; t < k; t++) {
					double a = rows[k][old + t];
					double[] vt = vRows[old + t];
					for (int c = from; c < to; c++)
						v[c] -= a * vt[c];
				}
				double inv = 1 / rows[k][old + k];
				for (int c = from; c < to; c++) {
					double vc = v[c] * inv;
					v[c] = vc;
					var[c] -= vc * vc;
				}
				if (listener != null) listener.updated(from, to, v);
			}
		});
		n += q;
	}

	@FunctionalInterface
	private interface Range {
		void run(int from, int to);
	}

	private void forEachBlock(Range r) {
		int blocks = (m + BLOCK - 1) / BLOCK;
		if (pool == null || blocks == 1) {
			for (int b = 0; b < blocks; b++)
				r.run(b * BLOCK, Math.min(m, (b + 1) * BLOCK));
			return;
		}
		pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(b -> r.run(b * BLOCK, Math.min(m,
			(b + 1) * BLOCK)))).join();
	}

	/**
	 * Starts a batch of fantasies whose variance rows are computed lazily: {@link Batch#variance(int)} gives the
	 * exact variance at one candidate after the fantasies added so far (n·k work for that candidate only), so
	 * a selector that needs the variance at a few candidates per pick avoids a pass over all candidates per
	 * pick. {@link Batch#commit} then appends all rows in one pass.
	 */
	public Batch beginBatch(int capacity) {
		return new Batch(capacity);
	}

	/** Fantasies added lazily; see {@link #beginBatch}. */
	public final class Batch {
		private final int old = n;
		private final double[] bx, by;
		private final double[][] rows;
		private final double[][] vAt; // vAt[t][c]: fantasy t's row at candidate c, valid where applied[c] > t
		private final int[] applied = new int[m];
		private final double[] varNow = var.clone();
		private int size;
		private boolean committed;

		private Batch(int capacity) {
			bx = new double[capacity];
			by = new double[capacity];
			rows = new double[capacity][];
			vAt = new double[capacity][];
		}

		public int size() {
			return size;
		}

		/** Adds a fantasy at (x, y): its Cholesky row only. */
		public void add(double x, double y) {
			if (committed) throw new IllegalStateException("batch already committed");
			if (size == bx.length) throw new IllegalStateException("batch full (" + size + ")");
			double[] px = Arrays.copyOf(ox, old + size + 1), py = Arrays.copyOf(oy, old + size + 1);
			for (int k = 0; k < size; k++) {
				px[old + k] = bx[k];
				py[old + k] = by[k];
			}
			px[old + size] = x;
			py[old + size] = y;
			rows[size] = choleskyRow(px, py, old + size, rows);
			bx[size] = x;
			by[size] = y;
			vAt[size] = new double[m];
			size++;
		}

		/**
		 * Exact normalised variance at candidate c after the fantasies added so far. Brings the aligned chunk of
		 * 16 neighbouring candidates up to date at once: the stored rows are read 16 values at a time instead of
		 * one (a cache line, not a cache miss, per value), and neighbours of a stale candidate are usually next.
		 */
		public double variance(int c) {
			if (applied[c] < size) evaluate(c & ~(CHUNK - 1), Math.min(m, (c & ~(CHUNK - 1)) + CHUNK));
			return varNow[c];
		}

		private void evaluate(int from, int to) {
			int lo = size;
			for (int c = from; c < to; c++)
				lo = Math.min(lo, applied[c]);
			double[] s = new double[to - from];
			for (int t = lo; t < size; t++) {
				// Same operations in the same order for every candidate, so recomputing a candidate that was
				// already up to date for fantasy t gives its stored value bit for bit.
				double[] l = rows[t];
				for (int c = from; c < to; c++)
					s[c - from] = kernelAt(c, bx[t], by[t]);
				for (int j = 0; j < old; j++) {
					double a = l[j];
					double[] vj = vRows[j];
					for (int c = from; c < to; c++)
						s[c - from] -= a * vj[c];
				}
				for (int u = 0; u < t; u++) {
					double a = l[old + u];
					double[] vu = vAt[u];
					for (int c = from; c < to; c++)
						s[c - from] -= a * vu[c];
				}
				double inv = 1 / l[old + t];
				double[] vt = vAt[t];
				for (int c = from; c < to; c++) {
					double v = s[c - from] * inv;
					vt[c] = v;
					if (applied[c] <= t) varNow[c] -= v * v;
				}
			}
			for (int c = from; c < to; c++)
				applied[c] = size;
		}

		/** Appends the rows of all fantasies in one pass over the stored rows; returns the first index. */
		public int commit() {
			if (committed) throw new IllegalStateException("batch already committed");
			committed = true;
			appendFactored(Arrays.copyOf(bx, size), Arrays.copyOf(by, size), Arrays.copyOf(rows, size), null);
			return old;
		}
	}

	/** Mean of the measured values (0 without normalisation). */
	public double offset() {
		if (!normalise) return 0;
		double s = 0;
		for (int i = 0; i < n; i++)
			s += val[i];
		return s / n;
	}

	/** Standard deviation of the measured values (1 without normalisation or when they are all equal). */
	public double scale() {
		if (!normalise || n < 2) return 1;
		double mu = offset(), s = 0;
		for (int i = 0; i < n; i++)
			s += (val[i] - mu) * (val[i] - mu);
		double sd = Math.sqrt(s / n);
		return sd > 0 ? sd : 1;
	}

	/** Brings the running sums up to date with all values; fails while a fantasy has no value. */
	private void updateMeanSums() {
		if (meanRows == n) return;
		for (int i = meanRows; i < n; i++)
			if (Double.isNaN(val[i])) throw new IllegalStateException("point " + i + " has no measured value yet");
		int first = meanRows;
		for (int i = first; i < n; i++) {
			double sy = val[i], s1 = 1;
			double[] l = lRows[i];
			for (int j = 0; j < i; j++) {
				sy -= l[j] * betaY[j];
				s1 -= l[j] * betaOne[j];
			}
			betaY[i] = sy / l[i];
			betaOne[i] = s1 / l[i];
		}
		forEachBlock((from, to) -> {
			for (int i = first; i < n; i++) {
				double[] v = vRows[i];
				double by = betaY[i], b1 = betaOne[i];
				for (int c = from; c < to; c++) {
					sumY[c] += by * v[c];
					sumOne[c] += b1 * v[c];
				}
			}
		});
		meanRows = n;
	}

	/** Posterior mean at every candidate, in the units of the values. */
	public double[] mean() {
		updateMeanSums();
		double mu = offset();
		double[] out = new double[m];
		for (int c = 0; c < m; c++)
			out[c] = mu + sumY[c] - mu * sumOne[c];
		return out;
	}

	/** Posterior standard deviation at every candidate (of a new measurement, noise included), in value units. */
	public double[] std() {
		double s = scale();
		double[] out = new double[m];
		for (int c = 0; c < m; c++)
			out[c] = s * Math.sqrt(Math.max(0, var[c]));
		return out;
	}

	/** Posterior variance at candidate c in normalised units (before scaling by {@link #scale()}²). */
	public double normalisedVariance(int c) {
		return var[c];
	}

	/** Runs {@code r} over candidate blocks on this posterior's workers. */
	public void parallel(RowRange r) {
		forEachBlock(r::run);
	}

	/** A range of candidate indices. */
	@FunctionalInterface
	public interface RowRange {
		void run(int from, int to);
	}

	public int threads() {
		return threads;
	}

	@Override
	public void close() {
		if (pool != null) pool.shutdown();
	}
}
