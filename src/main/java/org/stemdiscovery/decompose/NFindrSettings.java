package org.stemdiscovery.decompose;

import org.stemdiscovery.image.InputException;

/**
 * How {@link NFindr} runs.
 *
 * @param k         number of endmembers (at least 2: a simplex needs two corners)
 * @param start     ATGP (automatic target generation, deterministic) or RANDOM samples drawn with {@code seed}
 * @param seed      for RANDOM starts
 * @param startAt   explicit start sample indices (k of them), or {@code null}; overrides {@code start}
 * @param maxPasses cap on replacement passes over the endmembers (each pass tries every sample for every corner)
 * @param threads   worker threads, at least 1
 */
public record NFindrSettings(int k, Start start, long seed, int[] startAt, int maxPasses, int threads) {

	/** Largest k whose exact abundances (2^k − 1 supports per sample) stay quick. */
	public static final int MAX_K = 12;

	public enum Start {
		ATGP, RANDOM
	}

	public NFindrSettings {
		if (k < 2) throw new InputException("N-FINDR needs k ≥ 2 endmembers (k is " + k + "); choose k ≥ 2 or use SVD");
		if (k > MAX_K) throw new InputException("N-FINDR's exact abundances take 2^k steps per sample; k " + k +
			" is above " + MAX_K + ": choose k ≤ " + MAX_K + " or use NMF");
		if (maxPasses < 1) throw new InputException("passes " + maxPasses + " must be at least 1");
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
		if (startAt != null) {
			if (startAt.length != k) throw new InputException(startAt.length + " start samples given for k " + k +
				"; give exactly " + k);
			startAt = startAt.clone();
		}
	}

	public static NFindrSettings of(int k) {
		return new NFindrSettings(k, Start.ATGP, 0, null, 3 * k, 1);
	}

	public NFindrSettings withStart(Start v) {
		return new NFindrSettings(k, v, seed, startAt, maxPasses, threads);
	}

	public NFindrSettings withSeed(long v) {
		return new NFindrSettings(k, start, v, startAt, maxPasses, threads);
	}

	public NFindrSettings withStartAt(int... v) {
		return new NFindrSettings(k, start, seed, v, maxPasses, threads);
	}

	public NFindrSettings withMaxPasses(int v) {
		return new NFindrSettings(k, start, seed, startAt, v, threads);
	}

	public NFindrSettings withThreads(int v) {
		return new NFindrSettings(k, start, seed, startAt, maxPasses, v);
	}
}
