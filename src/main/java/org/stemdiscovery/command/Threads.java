package org.stemdiscovery.command;

/** The worker-thread parameter every parallel command shares: 0 means every core, in every door. */
public final class Threads {

	private Threads() {}

	public static Param param() {
		return Param.integer("threads", 0).min(0).label("Threads (0 = all cores)")
			.help("worker threads; 0 = all cores");
	}

	/** {@code n}, or the number of cores for 0. */
	public static int resolve(int n) {
		return n > 0 ? n : Runtime.getRuntime().availableProcessors();
	}
}
