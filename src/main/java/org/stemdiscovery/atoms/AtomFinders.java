package org.stemdiscovery.atoms;

import org.stemdiscovery.image.Registry;

/**
 * The atom finders by name: {@code dcnn} (the U-Net, bundled or a given model) and {@code log} (the classical
 * Laplacian-of-Gaussian baseline, which Fiji called {@code classical}: recorded macros with that word still
 * run). Every door lists its methods from {@link #REGISTRY}; a new finder is its class plus one line here.
 */
public final class AtomFinders {

	/**
	 * What a finder is opened with.
	 *
	 * @param model   the dcnn model: "default" (bundled), an AtomNet .params file or a TorchScript .pt
	 * @param sigma   log: blob scale in px, 0 = from the lattice spacing
	 * @param snr     log: how many noise levels a peak must reach
	 * @param threads PyTorch threads, 0 = {@link org.stemdiscovery.torch.TorchEngine}'s default
	 */
	public record Options(FinderSettings settings, String model, double sigma, double snr, int threads) {

		/** The bundled model, automatic LoG scale, 3 noise levels, default settings and threads. */
		public static Options defaults() {
			return new Options(FinderSettings.defaults(), "default", 0, 3, 0);
		}
	}

	/** Opens a finder; the caller closes it (it may hold a network in native memory). */
	@FunctionalInterface
	public interface Factory {
		AtomFinder open(Options options);
	}

	public static final Registry<Factory> REGISTRY = Registry.<Factory>of("method")
		.add("dcnn", o -> DcnnAtomFinder.owning(AtomModel.named(o.model(), o.threads()), o.settings()))
		// The classical finder always refines: its integer-pixel maxima are too coarse to use unrefined.
		.add("log", o -> new LogAtomFinder(o.sigma(), 0, o.snr(), o.settings().withRefine(true)), "classical");

	private AtomFinders() {}

	/** Opens the finder registered as {@code method} (or one of its older names). */
	public static AtomFinder open(String method, Options options) {
		return REGISTRY.get(method).open(options);
	}
}
