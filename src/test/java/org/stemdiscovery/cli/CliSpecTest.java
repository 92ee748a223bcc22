package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;

/**
 * Every verb is generated from its command's spec: its help lists every parameter with its default, and bad input
 * (an unknown choice, a negative number, a missing file) exits 2 with one line that names it, leaving no output
 * folder behind.
 */
class CliSpecTest {

	@TempDir
	Path dir;

	@Test
	void everyVerbsHelpListsEveryParameterWithItsDefault() {
		for (Verb v : Main.verbs()) {
			Spec s = v.spec();
			CliTest.Result r = CliTest.cli(s.name(), "--help");
			assertEquals(0, r.code(), s.name());
			String help = r.out().replaceAll("\\s+", " ");
			for (Param p : s.params()) {
				assertTrue(help.contains("--" + p.name()), s.name() + " --help lists --" + p.name() + ":\n" + r.out());
				if (p.kind() != Param.Kind.FLAG) assertTrue(help.contains("(default: " + p.defaultText() + ")"), s.name() +
					" --help gives the default of --" + p.name() + ":\n" + r.out());
			}
			for (Verb.FileOption f : v.inputs())
				assertTrue(help.contains("--" + f.name()), s.name() + " --help lists --" + f.name());
		}
	}

	@Test
	void everyVerbRefusesAnUnknownChoiceANegativeNumberAndAMissingFileInOneLine() throws Exception {
		int checked = 0;
		for (Verb v : Main.verbs()) {
			String verb = v.spec().name();
			for (Param p : v.spec().params()) {
				if (p.kind() == Param.Kind.CHOICE) {
					expectRefusal(verb, p.name(), args(v, "--" + p.name(), "cubic-spline"));
					checked++;
				}
				if ((p.kind() == Param.Kind.INT || p.kind() == Param.Kind.REAL) && p.min() >= 0) {
					expectRefusal(verb, p.name(), args(v, "--" + p.name(), "-3"));
					checked++;
				}
			}
			for (Verb.FileOption f : v.inputs())
				if (f.required()) {
					List<String> a = new ArrayList<>(args(v));
					int i = a.indexOf("--" + f.name());
					a.set(i + 1, dir.resolve("missing-" + f.name() + ".tif").toString());
					expectRefusal(verb, "missing-" + f.name(), a);
					checked++;
				}
		}
		assertTrue(checked >= Main.verbs().size(), "each verb had something to refuse");
	}

	/** Arguments that satisfy every required file of {@code v} (with paths that exist) plus {@code extra}. */
	private List<String> args(Verb v, String... extra) throws Exception {
		List<String> a = new ArrayList<>(List.of(v.spec().name()));
		for (Verb.FileOption f : v.inputs())
			if (f.required()) {
				Path p = dir.resolve(f.name() + ".tif");
				if (!Files.exists(p)) Files.copy(Path.of("test-images/pillars_256.tif"), p);
				a.add("--" + f.name());
				a.add(p.toString());
			}
		a.add("--out");
		a.add(dir.resolve("out").toString());
		a.addAll(List.of(extra));
		return a;
	}

	private void expectRefusal(String verb, String named, List<String> args) {
		CliTest.Result r = CliTest.cli(args.toArray(String[]::new));
		assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
		assertTrue(r.err().startsWith("stem-discovery " + verb + ": "), r.err());
		assertTrue(r.err().contains(named), "the message names " + named + ": " + r.err());
		assertFalse(Files.exists(dir.resolve("out")), "a refused run leaves no output folder: " + String.join(" ", args));
	}

	@Test
	void theCompletionScriptKnowsEveryVerbAndOption() {
		CliTest.Result r = CliTest.cli("completion");
		assertEquals(0, r.code(), r.err());
		for (Verb v : Main.verbs()) {
			assertTrue(r.out().contains(v.spec().name()), v.spec().name());
			for (Param p : v.spec().params())
				assertTrue(r.out().contains("--" + p.name()), "--" + p.name());
		}
	}
}
