package org.stemdiscovery.decompose;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * Truncated singular value decomposition of the uncentred samples, X ≈ U_k S_k V_kᵀ (the Eckart–Young
 * optimum for k components): components are the right singular vectors, abundances the scores U_k S_k
 * (which may be negative). Each component is signed so that its entries sum to ≥ 0.
 */
public final class Svd implements Unmixer {

	private final int k;
	private final long seed;
	private final int threads;

	/**
	 * @param seed    start of the subspace iteration (results agree to ~1e-11 whatever the seed)
	 * @param threads worker threads, at least 1
	 */
	public Svd(int k, long seed, int threads) {
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
		this.k = k;
		this.seed = seed;
		this.threads = threads;
	}

	@Override
	public String name() {
		return "svd";
	}

	@Override
	public Decomposition unmix(Samples x, Progress progress) {
		x.checkComponents(k);
		int n = x.n(), d = x.d();
		try (Parallel par = new Parallel(threads)) {
			progress.report(0, "transposing");
			double[] xd = Dense.widen(x.data()), xt = Dense.transpose(xd, n, d);
			progress.checkCancelled();
			progress.report(0.1, "Gram matrix and subspace iteration");
			TruncatedSvd.Result r = TruncatedSvd.compute(xd, xt, n, d, k, seed, par);
			progress.checkCancelled();
			double[][] comps = Dense.rows(r.vt(), k, d), abund = Dense.rows(r.us(), k, n);
			double norm2 = x.frobeniusSquared();
			double[] share = new double[k];
			for (int t = 0; t < k; t++)
				share[t] = r.s()[t] * r.s()[t] / norm2;
			double err = Dense.relativeError(x, abund, comps, par);
			progress.report(1, "done");
			return new Decomposition(name(), comps, abund, x.grid(), err, share, r.s().clone(), null, r.iterations(),
				r.converged());
		}
	}
}
