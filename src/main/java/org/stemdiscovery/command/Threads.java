package org.stemdiscovery.command;

/** The worker-thread parameter every parallel command shares: 0 means every core, in every door. */
public final class Threads {

	private Threads() {}

	public static Param param() {
		return Param.integer("threads", 0).range(0, 1024).label("Threads (0 = all cores)")
			.help("worker threads; 0 = all cores");
	}

	/**
	 * PyTorch's thread count for commands that run a network: 0 leaves it to
	 * {@link org.stemdiscovery.torch.TorchEngine} (the {@code ai.djl.pytorch.num_threads} property, else 1 for
	 * training and 2 for atom finding), because more threads than that were slower on a shared machine.
	 */
	public static Param torchParam() {
		return Param.integer("threads", 0).range(0, 1024).label("Threads (0 = default)")
			.help("PyTorch threads; 0 = -Dai.djl.pytorch.num_threads, else 1 for training and 2 for atom finding");
	}

	/** {@code n}, or the number of cores for 0. */
	public static int resolve(int n) {
		return n > 0 ? n : Runtime.getRuntime().availableProcessors();
	}
}
