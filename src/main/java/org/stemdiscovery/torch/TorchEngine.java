package org.stemdiscovery.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import com.sun.jna.NativeLibrary;

import org.stemdiscovery.image.InputException;

/**
 * The one place that starts PyTorch (through DJL, from the native jar on the class path: nothing is
 * downloaded) and decides its thread count. PyTorch's count is process-wide, so it is applied at every
 * start rather than once: before, the first command to start PyTorch in a Fiji session fixed it for all.
 *
 * <p>Threads: the system property {@value #PROPERTY} when set (as DJL itself reads it), else a default per
 * kind of work: two for inference (the atom finder's U-Net scales to two cores), one for training (the
 * rVAE's small matrices: on a shared machine one thread was faster, and it keeps a seeded run reproducible).
 */
public final class TorchEngine {

	public static final String PROPERTY = "ai.djl.pytorch.num_threads";
	static final String INTEROP = "ai.djl.pytorch.num_interop_threads";

	/** What the engine is about to do, which decides the default thread count. */
	public enum Work {
		INFERENCE(2), TRAINING(1);

		final int defaultThreads;

		Work(int n) {
			defaultThreads = n;
		}
	}

	private TorchEngine() {}

	/** The thread count for {@code work}: the property, else the work's default (at most the cores). */
	public static int threads(Work work) {
		String v = System.getProperty(PROPERTY);
		if (v == null || v.isBlank()) return Math.min(work.defaultThreads, Runtime.getRuntime().availableProcessors());
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

	/** {@code requested} when positive, else {@link #threads(Work)}: what a command's threads parameter of 0 means. */
	public static int threads(Work work, int requested) {
		return requested > 0 ? requested : threads(work);
	}

	/** Starts the engine (once per process) and applies the thread count for {@code work}. */
	public static Engine start(Work work) {
		return start(work, 0);
	}

	/** Starts the engine and applies {@code requested} threads, or the default for {@code work} when it is 0. */
	public static Engine start(Work work, int requested) {
		int n = threads(work, requested);
		if (System.getProperty(INTEROP) == null) System.setProperty(INTEROP, "1");
		Engine engine;
		try {
			engine = Engine.getEngine("PyTorch");
		}
		catch (RuntimeException | UnsatisfiedLinkError e) {
			throw new InputException("the PyTorch engine could not start (" + e.getMessage() + "); STEM Discovery needs " +
				"pytorch-native-cpu for this OS on the class path (see the README's installation steps)");
		}
		quietNativeLog();
		if (JniUtils.getNumThreads() != n) JniUtils.setNumThreads(n);
		return engine;
	}

	/** A fresh root manager on the CPU after {@link #start}; close it to free everything made in it. */
	public static NDManager newManager(Work work) {
		return start(work).newBaseManager(Device.cpu());
	}

	/** As {@link #newManager(Work)} with a thread count ({@code 0}: the default for the work). */
	public static NDManager newManager(Work work, int requested) {
		return start(work, requested).newBaseManager(Device.cpu());
	}

	/**
	 * Raises PyTorch's C++ log threshold to errors. Without it, every convolution on a CPU without AVX2 prints
	 * "Could not initialize NNPACK! Reason: Unsupported hardware." (a warning that changes nothing: PyTorch
	 * falls back to its other kernels). libtorch reads {@code TORCH_CPP_LOG_LEVEL} only when a host calls its
	 * logging set-up, which DJL does not, so we set the flag it reads, {@code FLAGS_caffe2_log_level}, in the
	 * already loaded libc10. Does nothing where that symbol is absent.
	 */
	public static void quietNativeLog() {
		try {
			NativeLibrary c10 = NativeLibrary.getInstance("c10");
			c10.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, 2);
		}
		catch (UnsatisfiedLinkError | RuntimeException e) {
			// libc10 not loaded yet or built differently: the warnings stay, nothing else changes
		}
	}
}
