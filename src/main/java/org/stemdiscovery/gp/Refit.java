package org.stemdiscovery.gp;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * The refit of the hyperparameters between two steps of an experiment, cheap enough to keep pace with the
 * instrument.
 *
 * <p>Why a policy and not a plain fit: a full fit costs tens of O(n³) likelihood evaluations, and new
 * hyperparameters force the caller to rebuild its posterior over every candidate (n²·M/2, 5 s at 1000 points
 * on 65,536 candidates). Between two steps only a batch arrives, which seldom moves the likelihood's maximum
 * by an amount the data can tell apart. So:
 * <ul>
 * <li>the likelihood is taken over at most {@code maxPoints} observations: the {@code recentPoints} newest
 * (where the experiment is looking now) plus a seeded, stable choice of the others (each point's priority is a
 * hash of the seed and its coordinates, so a point once chosen stays chosen as others arrive and the
 * likelihood surface moves little from step to step). The subset's likelihood is the exact marginal
 * likelihood of those points under the same GP, so its maximum estimates the same hyperparameters, with more
 * spread;</li>
 * <li>one evaluation at the current hyperparameters first: if no log-parameter's projected gradient exceeds
 * {@code gradientTolerance} nats, nothing moved and the optimiser is not run;</li>
 * <li>otherwise a warm-started L-BFGS of at most {@code maxIterations}, and its result is taken only if it
 * raises the subset's likelihood by more than {@code minGain} nats (a likelihood ratio the data can tell
 * apart); otherwise the current hyperparameters come back unchanged (the same object), so the caller keeps
 * its posterior and pays nothing more.</li>
 * </ul>
 * Stateless: the same call with the same observations, start and seed gives the same answer.
 */
public final class Refit {

	/** What a refit did: the hyperparameters to use, whether they differ from the current ones, and its cost. */
	public record Outcome(Hyperparameters hyperparameters, boolean changed, boolean optimised, int fitPoints,
		double gain, int evaluations) {}

	private final FitBounds bounds;
	private final int maxPoints, recentPoints, maxIterations;
	private final double gradientTolerance, minGain;

	/**
	 * @param maxPoints         most observations the likelihood is evaluated on
	 * @param recentPoints      how many of those are the newest observations (the rest a stable seeded choice)
	 * @param maxIterations     L-BFGS iterations of a refit
	 * @param gradientTolerance skip the optimiser when every projected ∂LML/∂log θ is below this (nats)
	 * @param minGain           keep the current hyperparameters unless the refit gains more than this (nats)
	 */
	public Refit(FitBounds bounds, int maxPoints, int recentPoints, int maxIterations, double gradientTolerance,
		double minGain) {
		if (maxPoints < 2 || recentPoints < 0 || recentPoints > maxPoints) throw new IllegalArgumentException(
			"refit points: at most " + maxPoints + " of which " + recentPoints + " recent; need 2 ≤ max, 0 ≤ recent ≤ max");
		if (maxIterations < 1 || !(gradientTolerance >= 0) || !(minGain >= 0))
			throw new IllegalArgumentException("refit iterations must be ≥ 1 and tolerances ≥ 0");
		this.bounds = bounds;
		this.maxPoints = maxPoints;
		this.recentPoints = recentPoints;
		this.maxIterations = maxIterations;
		this.gradientTolerance = gradientTolerance;
		this.minGain = minGain;
	}

	/**
	 * For a scan grid: length scale 1 px to twice the larger side; 300 points (100 of them the newest), 15
	 * iterations, skip below 1 nat per log-parameter, keep the current hyperparameters unless 2 nats are gained.
	 */
	public static Refit forGrid(int width, int height) {
		return new Refit(FitBounds.defaults().withLength(1, 2.0 * Math.max(width, height)), 300, 100, 15, 1, 2);
	}

	/**
	 * The refit before issue 12, for comparisons: every observation, 30 iterations, always run, any gain taken.
	 */
	public static Refit everyStep(int width, int height) {
		return new Refit(FitBounds.defaults().withLength(1, 2.0 * Math.max(width, height)), Integer.MAX_VALUE, 0, 30, 0,
			0);
	}

	public FitBounds bounds() {
		return bounds;
	}

	/**
	 * The first fit of an experiment, when nothing is known yet: from {@code start} plus two seeded random
	 * starts, 60 iterations each, on the same bounded subset as a refit.
	 */
	public Hyperparameters initial(Observations normalisedObs, Hyperparameters start, long seed, int threads) {
		Observations o = subset(normalisedObs, seed);
		try (Pool pool = new Pool(threads)) {
			return new HyperparameterFit(bounds, 2, 60).fit(o, start, seed, pool.pool).hyperparameters();
		}
	}

	/** The hyperparameters to use from now on: {@code current} itself when a refit would not change them. */
	public Hyperparameters refit(Observations normalisedObs, Hyperparameters current, long seed, int threads) {
		return run(normalisedObs, current, seed, threads).hyperparameters();
	}

	/** As {@link #refit}, saying what was done. */
	public Outcome run(Observations normalisedObs, Hyperparameters current, long seed, int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads " + threads + " must be ≥ 1");
		Observations o = subset(normalisedObs, seed);
		if (o.size() < 2) return new Outcome(current, false, false, o.size(), 0, 0);
		try (Pool pool = new Pool(threads)) {
			double[][] box = bounds.logBox(current);
			double[] x = current.logParameters(), g = new double[x.length];
			double lml;
			try {
				lml = MarginalLikelihood.evaluate(o, current, g, pool.pool);
			}
			catch (IllegalStateException e) { // not positive definite here: the optimiser must move
				lml = Double.NEGATIVE_INFINITY;
			}
			if (Double.isFinite(lml) && projectedGradient(x, g, box) < gradientTolerance)
				return new Outcome(current, false, false, o.size(), 0, 1);
			HyperparameterFit.Result r = new HyperparameterFit(bounds, 0, maxIterations, 0.01 * minGain).fit(o, current,
				seed, pool.pool);
			double gain = r.logMarginalLikelihood() - lml;
			boolean take = gain > minGain;
			return new Outcome(take ? r.hyperparameters() : current, take, true, o.size(), gain, 1 + r.evaluations());
		}
	}

	/** Largest |∂LML/∂log θ| over the parameters not pinned at a bound by the ascent direction. */
	private static double projectedGradient(double[] x, double[] g, double[][] box) {
		double pg = 0;
		for (int i = 0; i < x.length; i++) {
			boolean pinned = (x[i] <= box[0][i] && g[i] < 0) || (x[i] >= box[1][i] && g[i] > 0);
			if (!pinned) pg = Math.max(pg, Math.abs(g[i]));
		}
		return pg;
	}

	/** The observations a refit uses: all when there are few, else the newest plus a stable seeded choice. */
	Observations subset(Observations o, long seed) {
		int[] idx = subsetIndices(o, seed);
		if (idx.length == o.size()) return o;
		double[] x = new double[idx.length], y = new double[idx.length], v = new double[idx.length];
		for (int k = 0; k < idx.length; k++) {
			x[k] = o.x()[idx[k]];
			y[k] = o.y()[idx[k]];
			v[k] = o.value()[idx[k]];
		}
		return new Observations(x, y, v);
	}

	/** Indices (ascending) of the chosen observations. */
	int[] subsetIndices(Observations o, long seed) {
		int n = o.size();
		if (n <= maxPoints) {
			int[] all = new int[n];
			Arrays.setAll(all, i -> i);
			return all;
		}
		int older = n - recentPoints, pick = maxPoints - recentPoints;
		// Older points ordered by a hash of (seed, x, y): the same point keeps its rank as others arrive.
		long[] keyed = new long[older];
		for (int i = 0; i < older; i++) {
			keyed[i] = mix(seed ^ mix(Double.doubleToLongBits(o.x()[i]) * 31 + Double.doubleToLongBits(o.y()[i])));
		}
		Integer[] order = new Integer[older];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> {
			int c = Long.compare(keyed[a], keyed[b]);
			return c != 0 ? c : Integer.compare(a, b); // the index breaks the (rare) ties
		});
		int[] idx = new int[maxPoints];
		for (int k = 0; k < pick; k++)
			idx[k] = order[k];
		for (int k = 0; k < recentPoints; k++)
			idx[pick + k] = older + k;
		Arrays.sort(idx);
		return idx;
	}

	/** SplitMix64's finaliser: a well-spread 64-bit hash. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A private pool of the caller's thread count for one refit (none for one thread). */
	private static final class Pool implements AutoCloseable {
		final ForkJoinPool pool;

		Pool(int threads) {
			this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
		}

		@Override
		public void close() {
			if (pool != null) pool.shutdown();
		}
	}
}
