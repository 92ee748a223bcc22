package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;

/**
 * One verb of {@code stem-discovery}: a command's {@link Spec} (its options, defaults, ranges and help are
 * generated from it by {@link Cli}) plus what only the command line has: the files it reads and writes.
 */
interface Verb {

	/** The command's parameters. */
	Spec spec();

	/** The files it reads, as {@code --name PATH} options. */
	default List<FileOption> inputs() {
		return List.of();
	}

	/** Whether {@code --out DIR} (with {@code --force}) is required; a verb with a default folder says no. */
	default boolean needsOut() {
		return true;
	}

	/** The files it writes into {@code --out}, refused without {@code --force} when present. */
	List<String> outputs(Values values);

	/** Runs with checked values; bad input is an {@link org.stemdiscovery.image.InputException}. */
	void run(Call call) throws Exception;

	/** A file the verb reads. */
	record FileOption(String name, String label, String help, boolean required) {

		static FileOption required(String name, String label, String help) {
			return new FileOption(name, label, help, true);
		}

		static FileOption optional(String name, String label, String help) {
			return new FileOption(name, label, help, false);
		}
	}
}
