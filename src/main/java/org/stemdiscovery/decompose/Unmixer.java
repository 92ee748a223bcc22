package org.stemdiscovery.decompose;

import java.util.function.Function;

import org.stemdiscovery.image.Progress;
import org.stemdiscovery.image.Registry;

/**
 * One way of splitting a stack of descriptors into a few components and their abundance in every sample.
 * Implementations hold their settings; {@link #unmix} validates the data against them and explains bad input
 * with an {@link org.stemdiscovery.image.InputException}.
 */
public interface Unmixer {

	/**
	 * The unmixers by name, as every door lists them: nmf (coordinate descent), svd, nfindr, nmf-mu (NMF by
	 * multiplicative updates); older spellings are kept for scripts written before.
	 */
	Registry<Function<UnmixSettings, Unmixer>> METHODS = Registry.<Function<UnmixSettings, Unmixer>> of("method")
		.add("nmf", s -> new Nmf(s.nmf(NmfSettings.Solver.CD)))
		.add("svd", s -> new Svd(s.k(), s.seed(), s.threads()))
		.add("nfindr", s -> new NFindr(s.nfindr()), "n-findr")
		.add("nmf-mu", s -> new Nmf(s.nmf(NmfSettings.Solver.MU)), "mu", "nmf_mu");

	/** Short name: "svd", "nmf", "nfindr". */
	String name();

	/** Factorises the samples; honours {@link Progress#checkCancelled()} between iterations. */
	Decomposition unmix(Samples samples, Progress progress);

	/** The unmixer {@code method} (a name or older spelling in {@link #METHODS}) with these settings. */
	static Unmixer of(String method, UnmixSettings settings) {
		return METHODS.get(method).apply(settings);
	}

	/**
	 * The unmixer named {@code method} with default settings for k components; {@code maxIter} caps NMF
	 * iterations or N-FINDR passes.
	 */
	static Unmixer of(String method, int k, long seed, int maxIter, int threads) {
		return of(method, UnmixSettings.of(k, seed, maxIter, threads));
	}
}
