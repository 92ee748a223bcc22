package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

/**
 * {@code stem-discovery VERB [options]}: the headless entry point. Exit code 0 on success, 2 with a one-line
 * reason on bad input, 1 on an unexpected failure.
 */
public final class Main {

	private Main() {}

	/** Every verb, in the order the overview lists them. */
	static List<Subcommand> subcommands() {
		return List.of(new FftCommand(), new DecomposeCommand(), new AtomsCommand(), new PatchesCommand(), new RvaeCommand(),
			new BoCommand(), new SweepCommand(), new WorkflowCommand(), new DemoCommand(), new MakeTestImagesCommand());
	}

	public static void main(String[] args) {
		int rc = run(args, System.out, System.err);
		// ImageJ's and our worker threads must not keep a finished command alive.
		System.exit(rc);
	}

	/** Runs one verb; never calls {@code System.exit}, so tests can call it. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			out.print(overview());
			return args.length == 0 ? 2 : 0;
		}
		Subcommand cmd = subcommands().stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
		if (cmd == null) {
			err.println("stem-discovery: unknown command '" + args[0] + "'; run 'stem-discovery --help' for the list");
			return 2;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
			out.print(cmd.help());
			return 0;
		}
		try {
			return cmd.run(rest, out);
		}
		catch (InputException e) {
			err.println("stem-discovery " + cmd.name() + ": " + e.getMessage());
			return 2;
		}
		catch (CancelledException e) {
			err.println("stem-discovery " + cmd.name() + ": cancelled");
			return 130;
		}
		catch (Exception e) {
			err.println("stem-discovery " + cmd.name() + ": unexpected failure: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}

	static String overview() {
		StringBuilder sb = new StringBuilder("""
			STEM Discovery - automated-experiment tools for STEM images

			usage: stem-discovery COMMAND [options]      (COMMAND --help for its options)

			commands:
			""");
		for (Subcommand c : subcommands())
			sb.append(String.format("  %-18s %s%n", c.name(), c.summary()));
		return sb.toString();
	}
}
