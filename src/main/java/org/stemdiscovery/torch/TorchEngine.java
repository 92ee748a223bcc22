package org.stemdiscovery.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import org.stemdiscovery.image.InputException;

/**
 * The one place that starts PyTorch (through DJL, from the native jar on the class path: nothing is
 * downloaded) and decides its thread count. PyTorch's count is process-wide, so it is applied at every
 * start rather than once: before, the first command to start PyTorch in a Fiji session fixed it for all.
 *
 * <p>Threads: the system property {@value #PROPERTY} when set (as DJL itself reads it), else a default per
 * kind of work: two for inference (the atom finder's U-Net scales to two cores), one for training (the
 * rVAE's small matrices: on a shared machine one thread was faster, and it keeps a seeded run reproducible).
 *
 * <p>Convolutions: training turns PyTorch's oneDNN (mkldnn) convolutions off and inference turns them back on
 * (see {@link #useOneDnnConvolutions(boolean)}). The oneDNN 3.7.1 inside PyTorch 2.7.1's CPU build computes
 * the input gradient of a convolution whose output channels are not a multiple of its SIMD block (16 with
 * AVX-512, 8 with AVX2; e.g. the rVAE's 8-filter conv encoder, the U-Net's 3-class head) from padding it
 * leaves uninitialised: now and then whole channels of that gradient come out NaN (or silently wrong), the
 * next Adam step writes NaN into the weights, and the epoch's loss is NaN. Measured here: 19 of 2000 backward
 * passes of a 1→8→8 conv stack had NaN weight gradients with oneDNN, 0 of 4000 without; the NaN first appears
 * in the input gradient of the 8→8 convolution, with every input finite. PyTorch's own CPU convolution
 * kernels have no such padding and give the same function.
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
		useOneDnnConvolutions(work == Work.INFERENCE);
		if (JniUtils.getNumThreads() != n) JniUtils.setNumThreads(n);
		return engine;
	}

	private static final String TORCH_CPU = "torch_cpu";
	/** at::globalContext(), at::Context::userEnabledMkldnn() const, at::Context::setUserEnabledMkldnn(bool). */
	private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv",
		MKLDNN_ENABLED = "_ZNK2at7Context17userEnabledMkldnnEv", SET_MKLDNN_ENABLED = "_ZN2at7Context20setUserEnabledMkldnnEb";

	/**
	 * Whether PyTorch may run CPU convolutions (and their gradients) with oneDNN; what Python calls
	 * {@code torch.backends.mkldnn.enabled}, which DJL does not expose, so we set it in the already loaded
	 * libtorch_cpu. Off for training: oneDNN's backward convolution reads uninitialised padding for channel
	 * counts that are not a multiple of its vector block and returns NaN at random (see the class comment).
	 * On for inference, whose forward convolutions are correct and faster with oneDNN. The flag is
	 * process-wide and read when an operation runs, so the setting of the latest {@link #start} holds. Returns
	 * whether the flag could be set (false where libtorch_cpu lacks these symbols: nothing changes then).
	 */
	public static synchronized boolean useOneDnnConvolutions(boolean on) {
		try {
			NativeLibrary torch = NativeLibrary.getInstance(TORCH_CPU);
			Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
			torch.getFunction(SET_MKLDNN_ENABLED).invokeVoid(new Object[] { context, on });
			return true;
		}
		catch (UnsatisfiedLinkError | RuntimeException e) {
			return false;
		}
	}

	/** Whether PyTorch may use oneDNN for CPU convolutions now; null where that cannot be read. */
	public static synchronized Boolean oneDnnConvolutions() {
		try {
			NativeLibrary torch = NativeLibrary.getInstance(TORCH_CPU);
			Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
			return (torch.getFunction(MKLDNN_ENABLED).invokeInt(new Object[] { context }) & 0xff) != 0;
		}
		catch (UnsatisfiedLinkError | RuntimeException e) {
			return null;
		}
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
