package org.stemdiscovery.atoms;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.stemdiscovery.image.InputException;

/**
 * The intra-op thread count of the PyTorch engine: the system property {@value #PROPERTY} when set (as
 * DJL itself reads it), else at most {@value #DEFAULT} threads. Few threads on purpose: on a shared
 * machine one or two PyTorch threads were up to ten times faster than many fighting for the cores.
 */
public final class TorchThreads {

	public static final String PROPERTY = "ai.djl.pytorch.num_threads";
	public static final int DEFAULT = 2;

	private TorchThreads() {}

	/** The configured count (property, else min(2, cores)); a bad property value is an InputException. */
	public static int configured() {
		String v = System.getProperty(PROPERTY);
		if (v == null || v.isBlank()) return Math.min(DEFAULT, Runtime.getRuntime().availableProcessors());
		try {
			int n = Integer.parseInt(v.trim());
			if (n < 1) throw new NumberFormatException();
			return n;
		}
		catch (NumberFormatException e) {
			throw new InputException("-D" + PROPERTY + "=" + v + " is not a positive whole number; use e.g. -D" + PROPERTY +
				"=2");
		}
	}

	/**
	 * Loads the engine (from the native jar on the class path; nothing is downloaded) and applies the
	 * thread count. Safe to call repeatedly; the count is process-wide in PyTorch.
	 */
	public static Engine engine() {
		int n = configured();
		if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, Integer.toString(n));
		if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty(
			"ai.djl.pytorch.num_interop_threads", "1");
		Engine engine;
		try {
			engine = Engine.getEngine("PyTorch");
		}
		catch (RuntimeException | UnsatisfiedLinkError e) {
			throw new InputException("the PyTorch engine could not start (" + e.getMessage() + "); the atom finder needs " +
				"pytorch-native-cpu for this OS on the class path (see notes/atoms.md)");
		}
		if (JniUtils.getNumThreads() != n) JniUtils.setNumThreads(n);
		return engine;
	}
}
