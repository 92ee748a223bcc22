package org.stemdiscovery.cli;

/**
 * Keeps library log lines off the command line, so a user sees only ours: SLF4J's simple provider (shipped for
 * the command line only, in {@code target/cli-lib}) at error level for DJL's logging (its warnings, such as
 * "Failed to detect GPU count" on a machine without CUDA, mean nothing to a user). PyTorch's C++ log is
 * quietened where the engine starts ({@link org.stemdiscovery.torch.TorchEngine#quietNativeLog}).
 */
final class Quiet {

	private Quiet() {}

	static void libraries() {
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
	}
}
