package org.stemdiscovery.decompose;

import org.stemdiscovery.image.InputException;

/**
 * How {@link Nmf} runs. Defaults follow scikit-learn's {@code NMF(init='nndsvda', solver='cd', tol=1e-4)}
 * with AtomAI's 1000 iterations.
 *
 * @param k           number of components
 * @param maxIter     cap on outer iterations (one update of the abundances and one of the components)
 * @param tol         stop when the projected-gradient norm (cd) or the relative error decrease over 10
 *                    iterations (mu) falls below tol times its first value, as scikit-learn does
 * @param seed        random start (init RANDOM) and start of the SVD behind NNDSVD(a)
 * @param threads     worker threads, at least 1
 * @param solver      CD: coordinate descent (HALS) as scikit-learn's 'cd'; MU: Lee–Seung multiplicative updates
 * @param init        NNDSVDA (zeros of NNDSVD filled with the data mean), NNDSVD, or RANDOM
 * @param sweeps      cd only: up to this many coordinate sweeps per row while the matrix products are reused
 *                    (1 = scikit-learn's update; more converge faster per product, Gillis &amp; Glineur 2012)
 * @param shift       subtract the data minimum first when the data has negative values (else refuse them)
 * @param stopBelow   also stop once the relative error ‖X−WH‖F/‖X‖F is at most this (0 = never); for benchmarks
 */
public record NmfSettings(int k, int maxIter, double tol, long seed, int threads, Solver solver, Init init,
	int sweeps, boolean shift, double stopBelow) {

	/** scikit-learn's stopping tolerance, the default in every door. */
	public static final double DEFAULT_TOL = 1e-4;

	public enum Solver {
		CD, MU
	}

	public enum Init {
		NNDSVDA, NNDSVD, RANDOM
	}

	public NmfSettings {
		if (maxIter < 1) throw new InputException("iterations " + maxIter + " must be at least 1");
		if (!(tol >= 0)) throw new InputException("tolerance " + tol + " must be ≥ 0");
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
		if (sweeps < 1) throw new InputException("sweeps " + sweeps + " must be at least 1");
		if (!(stopBelow >= 0)) throw new InputException("target error " + stopBelow + " must be ≥ 0");
	}

	public static NmfSettings of(int k) {
		return new NmfSettings(k, 1000, DEFAULT_TOL, 0, 1, Solver.CD, Init.NNDSVDA, 8, false, 0);
	}

	public NmfSettings withMaxIter(int v) {
		return new NmfSettings(k, v, tol, seed, threads, solver, init, sweeps, shift, stopBelow);
	}

	public NmfSettings withTol(double v) {
		return new NmfSettings(k, maxIter, v, seed, threads, solver, init, sweeps, shift, stopBelow);
	}

	public NmfSettings withSeed(long v) {
		return new NmfSettings(k, maxIter, tol, v, threads, solver, init, sweeps, shift, stopBelow);
	}

	public NmfSettings withThreads(int v) {
		return new NmfSettings(k, maxIter, tol, seed, v, solver, init, sweeps, shift, stopBelow);
	}

	public NmfSettings withSolver(Solver v) {
		return new NmfSettings(k, maxIter, tol, seed, threads, v, init, sweeps, shift, stopBelow);
	}

	public NmfSettings withInit(Init v) {
		return new NmfSettings(k, maxIter, tol, seed, threads, solver, v, sweeps, shift, stopBelow);
	}

	public NmfSettings withSweeps(int v) {
		return new NmfSettings(k, maxIter, tol, seed, threads, solver, init, v, shift, stopBelow);
	}

	public NmfSettings withShift(boolean v) {
		return new NmfSettings(k, maxIter, tol, seed, threads, solver, init, sweeps, v, stopBelow);
	}

	public NmfSettings withStopBelow(double v) {
		return new NmfSettings(k, maxIter, tol, seed, threads, solver, init, sweeps, shift, v);
	}
}
