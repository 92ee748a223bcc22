package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command line from the verbs' {@link Spec}s: one option per parameter (its aliases as
 * further names, its choices as completion candidates, its default and range in the help), the verb's file
 * options, {@code --out} and {@code --force}. Values arrive as text and are checked by the spec, so the
 * command line applies exactly the rules every other door applies. Exit codes: 0 done, 2 bad input (one
 * line), 130 cancelled, 1 an unexpected failure (one line naming the log with its stack trace).
 */
final class Cli {

	static final String NAME = "stem-discovery";

	private final List<Verb> verbs;
	private final PrintStream out, err;

	Cli(List<Verb> verbs, PrintStream out, PrintStream err) {
		this.verbs = verbs;
		this.out = out;
		this.err = err;
	}

	/** The picocli model of the whole command line (also what the completion script is made from). */
	CommandLine commandLine() {
		CommandSpec root = CommandSpec.create().name(NAME).mixinStandardHelpOptions(false);
		root.usageMessage().description("Automated-experiment tools for STEM images.").commandListHeading(
			"%nCommands:%n").width(100).footer("%nRun 'stem-discovery COMMAND --help' for a command's options; " +
				"'stem-discovery completion' prints a bash completion script (source it, or save it in " +
				"/etc/bash_completion.d/).");
		root.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
		root.addOption(OptionSpec.builder("--debug").arity("0").type(boolean.class).scopeType(CommandLine.ScopeType.INHERIT)
			.description("on an unexpected failure, also print the stack trace (it is always written to the log)").build());
		CommandLine cl = new CommandLine(root);
		for (Verb v : verbs)
			cl.addSubcommand(v.spec().name(), new CommandLine(spec(v)));
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		return cl;
	}

	private static CommandSpec spec(Verb v) {
		Spec s = v.spec();
		CommandSpec c = CommandSpec.create().name(s.name());
		c.usageMessage().description(literal(s.description())).header(literal(s.summary())).width(100).abbreviateSynopsis(true)
			.sortOptions(false);
		for (Verb.FileOption f : v.inputs())
			c.addOption(OptionSpec.builder("--" + f.name()).paramLabel(f.label()).type(String.class).required(false)
				.description(f.help() + (f.required() ? " (required)" : "")).build());
		if (v.needsOut()) c.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(String.class)
			.description("output folder (required): " + String.join(", ", v.outputs(s.defaults()))).build());
		else c.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(String.class).description(v.outputs(s
			.defaults()).isEmpty() ? "not used: this command writes no output folder" : "output folder: " + String.join(
				", ", v.outputs(s.defaults()))).build());
		for (Param p : s.params()) {
			c.addOption(option(p));
			if (onByDefault(p)) c.addOption(OptionSpec.builder("--no-" + p.name()).arity("0").type(boolean.class)
				.description("the same as --" + p.name() + " off").build());
		}
		c.addOption(OptionSpec.builder("--force").arity("0").type(boolean.class)
			.description("replace the outputs if the folder already has them").build());
		c.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
		return c;
	}

	private static OptionSpec option(Param p) {
		List<String> names = new ArrayList<>();
		names.add("--" + p.name());
		for (String a : p.aliases())
			names.add("--" + a);
		OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new));
		String help = literal(p.fullHelp());
		if (onByDefault(p))
			// on by default: a bare --name keeps it on, --name off turns it off (the spec reads on/off, true/false)
			return b.arity("0..1").type(String.class).fallbackValue("on").paramLabel("on|off").description(help +
				" (default: on)").build();
		if (p.kind() == Param.Kind.FLAG) return b.arity("0").type(boolean.class).description(help).build();
		b.type(String.class).paramLabel(label(p)).description(help + " (default: " + p.defaultText() + ")");
		if (p.kind() == Param.Kind.CHOICE) b.completionCandidates(p.choices());
		return b.build();
	}

	/** A switch that is on by default: {@code --name [on|off]}, and {@code --no-name} as older scripts wrote it. */
	private static boolean onByDefault(Param p) {
		return p.kind() == Param.Kind.FLAG && Boolean.TRUE.equals(p.defaultValue());
	}

	/** Text as written: picocli reads descriptions as format strings, where "99 %" is an error. */
	private static String literal(String text) {
		return text.replace("%", "%%");
	}

	private static String label(Param p) {
		return switch (p.kind()) {
			case CHOICE -> String.join("|", p.choices());
			case INT -> p.unit().isEmpty() ? "N" : p.unit().toUpperCase(java.util.Locale.ROOT);
			case REAL -> (p.unit().isEmpty() ? "X" : p.unit().toUpperCase(java.util.Locale.ROOT)) +
				(p.words().isEmpty() ? "" : "|" + String.join("|", p.words()));
			default -> "TEXT";
		};
	}

	/**
	 * Parses and runs one verb; never calls {@code System.exit}. The one guard of the command line: bad input is
	 * exit 2 and one line; anything else that escapes (any exception, {@code OutOfMemoryError},
	 * {@code StackOverflowError}) is exit 1 and one line naming what failed, where, and the log that holds its
	 * stack trace ({@link ErrorLog}); {@code --debug} prints the trace too.
	 */
	int run(String... args) {
		boolean debug = List.of(args).contains("--debug") || System.getenv("STEM_DISCOVERY_DEBUG") != null;
		String name = NAME;
		Path outDir = null;
		try {
			CommandLine cl = commandLine();
			if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
				err.println(NAME + ": unknown command '" + args[0] + "'; run '" + NAME + " --help' for the list");
				return 2;
			}
			ParseResult parsed;
			try {
				parsed = cl.parseArgs(args);
			}
			catch (CommandLine.ParameterException e) {
				CommandLine sub = e.getCommandLine();
				String verb = sub == cl ? NAME : NAME + " " + sub.getCommandName();
				err.println(verb + ": " + oneLine(e.getMessage()) + "; see '" + verb + " --help'");
				return 2;
			}
			if (!parsed.hasSubcommand()) {
				cl.usage(out);
				return args.length == 0 || List.of(args).equals(List.of("--debug")) ? 2 : 0;
			}
			ParseResult sub = parsed.subcommand();
			if (sub.isUsageHelpRequested()) {
				sub.commandSpec().commandLine().usage(out);
				return 0;
			}
			Verb verb = verbs.stream().filter(v -> v.spec().name().equals(sub.commandSpec().name())).findFirst()
				.orElseThrow();
			name = NAME + " " + verb.spec().name();
			String o = sub.matchedOptionValue("--out", null);
			if (o != null) try {
				outDir = Path.of(o);
			}
			catch (RuntimeException e) {
				// an unusable path is the verb's own check to refuse
			}
			verb.run(call(verb, sub));
			return 0;
		}
		catch (InputException e) {
			err.println(name + ": " + oneLine(e.getMessage()));
			return 2;
		}
		catch (CancelledException e) {
			err.println(name + ": cancelled");
			return 130;
		}
		catch (Throwable e) { // NOSONAR: the last guard; an Error here must not end as a raw trace
			return unexpected(name, outDir, e, args, debug);
		}
	}

	/** Exit 1: one line with what failed, where, and the log file; the trace goes into the log (and to err with --debug). */
	private int unexpected(String name, Path outDir, Throwable e, String[] args, boolean debug) {
		Path log = ErrorLog.write(outDir != null && !java.nio.file.Files.isRegularFile(outDir) ? outDir : null, e, args);
		String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
		err.println(name + ": unexpected failure (" + what + ") in " + ErrorLog.where(e) + "; " + (log != null ?
			"the details are in " + log : "no log could be written") + "; please report it");
		if (debug) e.printStackTrace(err);
		return 1;
	}

	/** A message as one line: a library's multi-line text must not break the one-line rule. */
	static String oneLine(String m) {
		return m == null ? "" : m.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	/** Checks the values with the spec and prepares the output folder before any work is done. */
	private Call call(Verb verb, ParseResult r) {
		Spec s = verb.spec();
		String name = NAME + " " + s.name();
		Map<String, Object> given = new LinkedHashMap<>();
		for (Param p : s.params())
			if (onByDefault(p) && r.hasMatchedOption("--no-" + p.name())) given.put(p.name(), false);
			else if (r.hasMatchedOption("--" + p.name())) given.put(p.name(), r.matchedOptionValue("--" + p.name(),
				(Object) null));
		Values values = s.parse(given);
		Map<String, Path> files = new LinkedHashMap<>();
		for (Verb.FileOption f : verb.inputs()) {
			String v = r.matchedOptionValue("--" + f.name(), null);
			if (v == null && f.required()) throw new InputException("'" + s.name() + "' needs --" + f.name() + " " + f
				.label() + "; see '" + name + " --help'");
			if (v != null) files.put(f.name(), Path.of(v));
		}
		String o = r.matchedOptionValue("--out", null);
		boolean force = r.hasMatchedOption("--force");
		Path out = null;
		if (o == null && verb.needsOut()) throw new InputException("'" + s.name() + "' needs --out DIR; see '" + name +
			" --help'");
		if (o != null) out = OutputFolder.check(Path.of(o), force, verb.outputs(values).toArray(String[]::new));
		return new Call(s.name(), values, files, out, force, this.out);
	}

	/** The bash completion script for every verb and option. */
	String completionScript() {
		return AutoComplete.bash(NAME, commandLine());
	}
}
