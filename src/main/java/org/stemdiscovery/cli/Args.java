package org.stemdiscovery.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.image.InputException;

/** {@code --name value} and {@code --flag} arguments of one subcommand, checked against what it knows. */
public final class Args {

	private final String command;
	private final Map<String, String> values = new LinkedHashMap<>();

	/**
	 * @param flags  options without a value
	 * @param valued options followed by a value
	 */
	public Args(String command, String[] argv, Set<String> flags, Set<String> valued) {
		this.command = command;
		for (int i = 0; i < argv.length; i++) {
			String a = argv[i];
			if (!a.startsWith("--")) throw new InputException("unexpected argument '" + a + "'; see 'stem-discovery " +
				command + " --help'");
			String name = a.substring(2);
			int eq = name.indexOf('=');
			if (eq > 0) {
				values.put(checkKnown(name.substring(0, eq), valued), name.substring(eq + 1));
			}
			else if (flags.contains(name)) {
				values.put(name, "true");
			}
			else if (valued.contains(name)) {
				if (i + 1 >= argv.length) throw new InputException("--" + name + " needs a value; see 'stem-discovery " +
					command + " --help'");
				values.put(name, argv[++i]);
			}
			else {
				checkKnown(name, valued);
			}
		}
	}

	private String checkKnown(String name, Set<String> valued) {
		if (!valued.contains(name)) throw new InputException("unknown option --" + name + " for '" + command +
			"'; see 'stem-discovery " + command + " --help'");
		return name;
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	public String string(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	public String required(String name) {
		String v = values.get(name);
		if (v == null) throw new InputException("'" + command + "' needs --" + name + "; see 'stem-discovery " + command +
			" --help'");
		return v;
	}

	public Path path(String name) {
		return Path.of(required(name));
	}

	public int integer(String name, int fallback) {
		String v = values.get(name);
		if (v == null) return fallback;
		try {
			return Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			throw new InputException("--" + name + " '" + v + "' is not a whole number");
		}
	}

	public double number(String name, double fallback) {
		String v = values.get(name);
		if (v == null) return fallback;
		try {
			double d = Double.parseDouble(v.trim());
			if (!Double.isFinite(d)) throw new NumberFormatException();
			return d;
		}
		catch (NumberFormatException e) {
			throw new InputException("--" + name + " '" + v + "' is not a number");
		}
	}

	public boolean flag(String name) {
		return values.containsKey(name);
	}
}
