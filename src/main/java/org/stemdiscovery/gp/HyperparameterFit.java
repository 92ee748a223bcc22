package org.stemdiscovery.gp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * Maximises the log marginal likelihood over the log-hyperparameters with a projected L-BFGS (box bounds,
 * backtracking line search) from the given start plus a few seeded random starts inside the bounds.
 */
public final class HyperparameterFit {

	/** The best hyperparameters found and their log marginal likelihood. */
	public record Result(Hyperparameters hyperparameters, double logMarginalLikelihood, int evaluations) {}

	private final FitBounds bounds;
	private final int restarts;
	private final int maxIterations;
	private final double gainTolerance;

	public HyperparameterFit(FitBounds bounds, int restarts, int maxIterations) {
		this(bounds, restarts, maxIterations, 0);
	}

	/**
	 * @param gainTolerance stop a descent when one iteration raises the log marginal likelihood by less than
	 *                      this many nats (0: only the relative 1e-9 test); a refit between two measurements
	 *                      needs no more precision than the likelihood can tell apart
	 */
	public HyperparameterFit(FitBounds bounds, int restarts, int maxIterations, double gainTolerance) {
		if (restarts < 0) throw new IllegalArgumentException("restarts " + restarts + " must be ≥ 0");
		if (!(gainTolerance >= 0)) throw new IllegalArgumentException("gain tolerance " + gainTolerance + " must be ≥ 0");
		this.bounds = bounds;
		this.restarts = restarts;
		this.maxIterations = maxIterations;
		this.gainTolerance = gainTolerance;
	}

	public FitBounds bounds() {
		return bounds;
	}

	public static HyperparameterFit defaults() {
		return new HyperparameterFit(FitBounds.defaults(), 3, 100);
	}

	public Result fit(Observations o, Hyperparameters start, long seed) {
		return fit(o, start, seed, null);
	}

	/** As {@link #fit(Observations, Hyperparameters, long)}, with the likelihood's passes on {@code pool} (null: this thread). */
	public Result fit(Observations o, Hyperparameters start, long seed, ForkJoinPool pool) {
		double[][] box = bounds.logBox(start);
		Random rnd = new Random(seed);
		Result best = null;
		int evaluations = 0;
		for (int r = 0; r <= restarts; r++) {
			double[] x0 = start.logParameters();
			if (r > 0) for (int i = 0; i < x0.length; i++)
				x0[i] = box[0][i] + rnd.nextDouble() * (box[1][i] - box[0][i]);
			Result res = minimise(o, start, clamp(x0, box), box, pool);
			evaluations += res.evaluations();
			if (best == null || res.logMarginalLikelihood() > best.logMarginalLikelihood()) best = res;
		}
		return new Result(best.hyperparameters(), best.logMarginalLikelihood(), evaluations);
	}

	private static double[] clamp(double[] x, double[][] box) {
		for (int i = 0; i < x.length; i++)
			x[i] = Math.max(box[0][i], Math.min(box[1][i], x[i]));
		return x;
	}

	/** −LML and its gradient; a failed factorisation counts as +∞. */
	private static double objective(Observations o, Hyperparameters template, double[] p, double[] grad,
		ForkJoinPool pool) {
		try {
			double v = MarginalLikelihood.evaluate(o, template.withLogParameters(p), grad, pool);
			for (int i = 0; i < grad.length; i++)
				grad[i] = -grad[i];
			return Double.isFinite(v) ? -v : Double.POSITIVE_INFINITY;
		}
		catch (IllegalStateException e) {
			return Double.POSITIVE_INFINITY;
		}
	}

	private Result minimise(Observations o, Hyperparameters template, double[] x, double[][] box, ForkJoinPool pool) {
		int n = x.length, m = 8, evals = 0;
		double[] g = new double[n];
		double f = objective(o, template, x, g, pool);
		evals++;
		Deque<double[][]> memory = new ArrayDeque<>();
		for (int it = 0; it < maxIterations && Double.isFinite(f); it++) {
			// Converged when the projected gradient is negligible (as L-BFGS-B's pgtol, relative to the LML).
			double pg = 0;
			for (int i = 0; i < n; i++)
				if (!((x[i] <= box[0][i] && g[i] > 0) || (x[i] >= box[1][i] && g[i] < 0))) pg = Math.max(pg, Math.abs(g[i]));
			if (pg < 1e-6 * Math.max(1, Math.abs(f))) break;
			double[] d = direction(g, memory);
			// Zero the direction for variables pinned at a bound and pushing outwards.
			for (int i = 0; i < n; i++)
				if ((x[i] <= box[0][i] && d[i] < 0) || (x[i] >= box[1][i] && d[i] > 0)) d[i] = 0;
			double slope = dot(g, d);
			if (slope >= 0) { // not a descent direction: fall back to projected steepest descent
				memory.clear();
				for (int i = 0; i < n; i++) {
					d[i] = -g[i];
					if ((x[i] <= box[0][i] && d[i] < 0) || (x[i] >= box[1][i] && d[i] > 0)) d[i] = 0;
				}
				slope = dot(g, d);
				if (slope >= -1e-12) break;
			}
			double step = it == 0 && memory.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
			double[] xn = null, gn = new double[n];
			double fn = Double.POSITIVE_INFINITY;
			for (int ls = 0; ls < 30; ls++) {
				xn = x.clone();
				for (int i = 0; i < n; i++)
					xn[i] += step * d[i];
				clamp(xn, box);
				fn = objective(o, template, xn, gn, pool);
				evals++;
				double actual = 0;
				for (int i = 0; i < n; i++)
					actual += g[i] * (xn[i] - x[i]);
				if (fn <= f + 1e-4 * Math.min(actual, 0)) break;
				step *= 0.5;
			}
			if (!(fn < f)) break;
			double[] s = new double[n], y = new double[n];
			for (int i = 0; i < n; i++) {
				s[i] = xn[i] - x[i];
				y[i] = gn[i] - g[i];
			}
			if (dot(s, y) > 1e-12) {
				memory.addLast(new double[][] { s, y });
				if (memory.size() > m) memory.removeFirst();
			}
			double df = f - fn;
			x = xn;
			g = gn;
			f = fn;
			if (df < 1e-9 * Math.max(1, Math.abs(f)) || df < gainTolerance) break;
		}
		return new Result(template.withLogParameters(x), -f, evals);
	}

	/** Two-loop recursion: −H·g. */
	private static double[] direction(double[] g, Deque<double[][]> memory) {
		int n = g.length;
		double[] q = g.clone();
		double[][][] pairs = memory.toArray(new double[0][][]);
		double[] a = new double[pairs.length];
		for (int k = pairs.length - 1; k >= 0; k--) {
			double rho = 1 / dot(pairs[k][1], pairs[k][0]);
			a[k] = rho * dot(pairs[k][0], q);
			for (int i = 0; i < n; i++)
				q[i] -= a[k] * pairs[k][1][i];
		}
		if (pairs.length > 0) {
			double[] s = pairs[pairs.length - 1][0], y = pairs[pairs.length - 1][1];
			double gamma = dot(s, y) / dot(y, y);
			for (int i = 0; i < n; i++)
				q[i] *= gamma;
		}
		for (int k = 0; k < pairs.length; k++) {
			double rho = 1 / dot(pairs[k][1], pairs[k][0]);
			double b = rho * dot(pairs[k][1], q);
			for (int i = 0; i < n; i++)
				q[i] += pairs[k][0][i] * (a[k] - b);
		}
		for (int i = 0; i < n; i++)
			q[i] = -q[i];
		return q;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}
}
