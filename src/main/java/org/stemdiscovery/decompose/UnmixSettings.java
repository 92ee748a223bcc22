package org.stemdiscovery.decompose;

/**
 * What every unmixer in {@link Unmixer#METHODS} is built from; each takes the settings that concern it (SVD
 * ignores the tolerance, the start and the shift).
 *
 * @param k       number of components
 * @param seed    random seed (NMF's random start and SVD start, N-FINDR's random start)
 * @param maxIter cap on NMF iterations or N-FINDR replacement passes
 * @param tol     NMF stopping tolerance
 * @param start   N-FINDR's start
 * @param shift   NMF: subtract the minimum of data with negative values instead of refusing it
 * @param threads worker threads, at least 1
 */
public record UnmixSettings(int k, long seed, int maxIter, double tol, NFindrSettings.Start start, boolean shift,
	int threads) {

	/** The defaults of the other settings: scikit-learn's tolerance, an ATGP start, no shift. */
	public static UnmixSettings of(int k, long seed, int maxIter, int threads) {
		return new UnmixSettings(k, seed, maxIter, NmfSettings.DEFAULT_TOL, NFindrSettings.Start.ATGP, false, threads);
	}

	NmfSettings nmf(NmfSettings.Solver solver) {
		return NmfSettings.of(k).withMaxIter(maxIter).withSeed(seed).withThreads(threads).withTol(tol).withShift(shift)
			.withSolver(solver);
	}

	NFindrSettings nfindr() {
		return NFindrSettings.of(k).withSeed(seed).withThreads(threads).withMaxPasses(maxIter).withStart(start);
	}
}
