package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

/**
 * {@code stem-discovery VERB [options]}: the headless entry point. Exit code 0 on success, 2 with a one-line
 * reason on bad input, 1 on an unexpected failure. Verbs are generated from the commands' specs by {@link Cli}.
 */
public final class Main {

	private Main() {}

	/** Every verb, in the order the overview lists them. */
	static List<Verb> verbs() {
		return List.of(new FftVerb(), new DecomposeVerb(), new AtomsVerb(), new PatchesVerb(), new TrainAtomFinderVerb(),
			new RvaeVerb(), new EncodeVerb(), new BoVerb(), new SweepVerb(), new WorkflowVerb(), new DemoVerb(),
			new MakeTestImagesVerb());
	}

	/** Verbs not yet moved onto their command's spec. */
	static List<Subcommand> subcommands() {
		return List.of();
	}

	public static void main(String[] args) {
		Quiet.libraries();
		int rc = run(args, System.out, System.err);
		// ImageJ's and our worker threads must not keep a finished command alive.
		System.exit(rc);
	}

	/** Runs one verb; never calls {@code System.exit}, so tests can call it. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length > 0 && args[0].equals("completion")) {
			out.print(new Cli(verbs(), out, err).completionScript());
			return 0;
		}
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			int rc = new Cli(verbs(), out, err).run(args);
			for (Subcommand c : subcommands())
				out.printf("  %-18s %s%n", c.name(), c.summary());
			return rc;
		}
		Subcommand cmd = args.length == 0 ? null : subcommands().stream().filter(c -> c.name().equals(args[0])).findFirst()
			.orElse(null);
		if (cmd == null) return new Cli(verbs(), out, err).run(args);
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
}
