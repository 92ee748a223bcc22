package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code stem-discovery VERB [options]}: the headless entry point. Exit code 0 on success, 2 with a one-line
 * reason on bad input, 130 when cancelled, 1 on an unexpected failure (one line; the stack trace goes to
 * {@code stem-discovery-error-<timestamp>.log} in the output folder, else the temporary folder). The verbs' options, defaults, ranges and
 * help are generated from the commands' specs by {@link Cli}.
 */
public final class Main {

	private Main() {}

	/** Every verb, in the order the overview lists them. */
	static List<Verb> verbs() {
		return List.of(new FftVerb(), new DecomposeVerb(), new AtomsVerb(), new PatchesVerb(), new TrainAtomFinderVerb(),
			new RvaeVerb(), new EncodeVerb(), new BoVerb(), new SweepVerb(), new WorkflowVerb(), new ExperimentVerb(),
			new ServeVerb(), new DemoVerb(), new MakeTestImagesVerb());
	}

	public static void main(String[] args) {
		Quiet.libraries();
		int rc = run(args, System.out, System.err);
		// ImageJ's and our worker threads must not keep a finished command alive.
		System.exit(rc);
	}

	/** Runs one verb; never calls {@code System.exit}, so tests can call it. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Cli cli = new Cli(verbs(), out, err);
		if (args.length > 0 && args[0].equals("completion")) {
			out.print(cli.completionScript());
			return 0;
		}
		if (args.length > 0 && args[0].equals("help")) // as older scripts asked for the overview
			return cli.run(args.length > 1 ? new String[] { args[1], "--help" } : new String[] { "--help" });
		return cli.run(args);
	}
}
