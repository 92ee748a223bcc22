package org.stemdiscovery.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.stemdiscovery.decompose.NFindrSettings;
import org.stemdiscovery.decompose.NmfSettings;
import org.stemdiscovery.decompose.UnmixSettings;
import org.stemdiscovery.decompose.Unmixer;

/**
 * Decompose (NMF/SVD/N-FINDR) / {@code stem-discovery decompose}: the parameters, declared once in {@link #SPEC}.
 * The CLI's older {@code --k} and {@code --max-iter} stay as aliases of {@code components} and {@code iterations}.
 *
 * @param method  a name in {@link Unmixer#METHODS} (older spellings already turned into it)
 * @param start   N-FINDR's start, a lower-case {@link NFindrSettings.Start}
 * @param threads worker threads; 0 = every core (the same in every door)
 */
public record DecomposeParams(String method, int components, int seed, int iterations, double tol, String start,
	boolean shift, int threads) {

	public static final Spec SPEC = new Spec("decompose", "Decompose (NMF/SVD/N-FINDR)",
		"unmix a descriptor stack by NMF, SVD or N-FINDR (writes components.tif, abundances.tif, decomposition.csv)",
		"Splits a stack of descriptors (frames of the same size, e.g. the sliding FFT stack) into k components and " +
			"the abundance of each component in every frame. The window grid comes from the stack's Info or a " +
			"grid.json beside it; without one the frames are treated as samples without geometry.",
		List.of(
			Param.choice("method", "nmf", Unmixer.METHODS).label("Method")
				.help("nmf: non-negative parts (coordinate descent, NNDSVDa start); svd: truncated singular value " +
					"decomposition; nfindr: purest frames as endmembers, abundances non-negative and summing to one; " +
					"nmf-mu: NMF by multiplicative updates"),
			Param.integer("components", 3).range(1, 64).label("Components (k)").alias("k").help("number of components k"),
			Param.integer("seed", 0).label("Seed").help("random seed"),
			Param.integer("iterations", 500).range(1, 100_000).label("Iterations (max)").alias("max-iter")
				.help("cap on NMF iterations or N-FINDR passes"),
			Param.real("tol", NmfSettings.DEFAULT_TOL).range(0, 1).label("Tolerance (NMF stopping)")
				.help("NMF stops when its progress falls below this fraction of the first step's, as scikit-learn"),
			Param.choice("start", "atgp", starts()).label("Start (N-FINDR)")
				.help("N-FINDR's first endmembers: atgp (deterministic) or random frames drawn with the seed"),
			Param.flag("shift").label("Shift negative data to a zero minimum (NMF)")
				.help("NMF: subtract the minimum when the stack has negative values (else they are refused)"),
			Threads.param()));

	public static DecomposeParams from(Values v) {
		return new DecomposeParams(v.text("method"), v.integer("components"), v.integer("seed"), v.integer(
			"iterations"), v.real("tol"), v.text("start"), v.flag("shift"), v.integer("threads"));
	}

	/** The core's settings, with 0 threads turned into every core. */
	public UnmixSettings settings() {
		return new UnmixSettings(components, seed, iterations, tol, NFindrSettings.Start.valueOf(start.toUpperCase(
			Locale.ROOT)), shift, Threads.resolve(threads));
	}

	/** The chosen unmixer with these settings. */
	public Unmixer unmixer() {
		return Unmixer.of(method, settings());
	}

	private static String[] starts() {
		return Arrays.stream(NFindrSettings.Start.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toArray(
			String[]::new);
	}
}
