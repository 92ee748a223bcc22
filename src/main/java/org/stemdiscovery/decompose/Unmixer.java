package org.stemdiscovery.decompose;

import org.stemdiscovery.image.Progress;

/**
 * One way of splitting a stack of descriptors into a few components and their abundance in every sample.
 * Implementations hold their settings; {@link #unmix} validates the data against them and explains bad input
 * with an {@link org.stemdiscovery.image.InputException}.
 */
public interface Unmixer {

	/** Short name: "svd", "nmf", "nfindr". */
	String name();

	/** Factorises the samples; honours {@link Progress#checkCancelled()} between iterations. */
	Decomposition unmix(Samples samples, Progress progress);

	/**
	 * The unmixer named {@code method} (svd, nmf, nfindr, or nmf-mu: NMF by multiplicative updates) with default
	 * settings for k components; {@code maxIter} caps NMF iterations or N-FINDR passes.
	 */
	static Unmixer of(String method, int k, long seed, int maxIter, int threads) {
		return switch (method.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "svd" -> new Svd(k, seed, threads);
			case "nmf" -> new Nmf(NmfSettings.of(k).withMaxIter(maxIter).withSeed(seed).withThreads(threads));
			case "nmf-mu", "nmf_mu", "mu" -> new Nmf(NmfSettings.of(k).withMaxIter(maxIter).withSeed(seed)
				.withThreads(threads).withSolver(NmfSettings.Solver.MU));
			case "nfindr", "n-findr" -> new NFindr(NFindrSettings.of(k).withSeed(seed).withThreads(threads)
				.withMaxPasses(maxIter));
			default -> throw new org.stemdiscovery.image.InputException("unknown method '" + method +
				"'; choose nmf, svd or nfindr (or nmf-mu)");
		};
	}
}
