package org.stemdiscovery.cli;

import java.io.PrintStream;

/** One verb of the {@code stem-discovery} command line. */
public interface Subcommand {

	/** The word after {@code stem-discovery}. */
	String name();

	/** One line for the overview. */
	String summary();

	/** The full {@code --help} text. */
	String help();

	/**
	 * Runs with the arguments after the verb; returns the exit code. Bad input is an
	 * {@link org.stemdiscovery.image.InputException}, printed as one line by {@link Main}.
	 */
	int run(String[] args, PrintStream out) throws Exception;
}
