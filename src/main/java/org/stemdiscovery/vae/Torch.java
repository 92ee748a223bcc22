package org.stemdiscovery.vae;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * The PyTorch engine, started with few threads. DJL reads the thread counts once, when the engine starts,
 * from the system properties {@value #THREADS} and {@value #INTEROP_THREADS}; we only fill in defaults
 * (1 intra-op thread, 1 inter-op) where the user set nothing, because under CPU contention one or
 * two threads are much faster than many, and Fiji shares the machine with everything else.
 */
final class Torch {

	static final String THREADS = "ai.djl.pytorch.num_threads";
	static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

	private Torch() {}

	/** A fresh root manager on the CPU; close it to free everything made in it. */
	static NDManager newManager() {
		if (System.getProperty(THREADS) == null)
			System.setProperty(THREADS, "1");
		if (System.getProperty(INTEROP_THREADS) == null) System.setProperty(INTEROP_THREADS, "1");
		return Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
	}
}
