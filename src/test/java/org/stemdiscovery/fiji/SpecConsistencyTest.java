package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;

/**
 * Walks every command in {@code plugins.config} (every menu entry) and checks its SciJava {@code @Parameter}s
 * against the command's spec: each editable input is a spec parameter (or a declared drawing-only field) with the
 * spec's label, takes the spec's default, and carries no range or choices of its own that could drift; each spec
 * parameter reaches the dialog; macro keys are distinct; the menu label is the spec's title.
 */
class SpecConsistencyTest {

	static List<Class<?>> menuCommands() throws IOException, ClassNotFoundException {
		String config;
		try (InputStream in = SpecConsistencyTest.class.getResourceAsStream("/plugins.config")) {
			config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Class<?>> out = new ArrayList<>();
		Matcher m = Pattern.compile("CommandBridge\\(\"([\\w.]+)\"\\)").matcher(config);
		while (m.find())
			out.add(Class.forName(m.group(1)));
		return out;
	}

	@Test
	void everyMenuCommandIsBuiltFromItsSpec() throws Exception {
		List<Class<?>> commands = menuCommands();
		assertTrue(commands.size() >= 9, "plugins.config lists the commands: " + commands);
		List<String> problems = new ArrayList<>();
		for (Class<?> c : commands)
			problems.addAll(check(c));
		if (!problems.isEmpty()) fail(problems.size() + " mismatches:\n  " + String.join("\n  ", problems));
	}

	static List<String> check(Class<?> c) throws Exception {
		List<String> problems = new ArrayList<>();
		String n = c.getSimpleName();
		if (!StemCommand.class.isAssignableFrom(c)) return List.of(n + " is not a StemCommand built from a spec");
		StemCommand cmd = (StemCommand) c.getDeclaredConstructor().newInstance();
		Spec spec = cmd.spec();
		Plugin plugin = c.getAnnotation(Plugin.class);
		if (!spec.title().equals(plugin.label())) problems.add(n + ": menu label '" + plugin.label() + "' is not the spec's '" +
			spec.title() + "'");
		Set<String> fields = new HashSet<>(), keys = new HashSet<>();
		for (Field f : inputs(c)) {
			Parameter p = f.getAnnotation(Parameter.class);
			String label = p.label().isEmpty() ? f.getName() : p.label();
			if (!keys.add(Param.text("field", "").label(label).macroKey())) problems.add(n + "." + f.getName() + ": macro key of '" + label + "' is used twice");
			Param sp = StemCommand.param(spec, f.getName()); // survey-dose lives in the field surveyDose
			if (sp == null) continue; // the Fiji door's own field (an overlay, a file to save)
			fields.add(sp.name());
			if (!label.equals(sp.displayLabel())) problems.add(n + "." + f.getName() + ": label '" + label +
				"' is not the spec's '" + sp.displayLabel() + "'");
			if (p.choices().length > 0 || !p.min().isEmpty() || !p.max().isEmpty()) problems.add(n + "." + f.getName() +
				": choices or range written in the annotation; the spec holds them");
			f.setAccessible(true);
			Object expected = StemCommand.fieldValue(f.getType(), sp.defaultValue());
			if (!expected.equals(f.get(cmd))) problems.add(n + "." + f.getName() + ": default " + f.get(cmd) +
				" is not the spec's " + expected);
			try {
				sp.value(f.get(cmd));
			}
			catch (RuntimeException e) {
				problems.add(n + "." + f.getName() + ": the spec refuses the field's value: " + e.getMessage());
			}
		}
		for (Param p : spec.params())
			if (!fields.contains(p.name())) problems.add(n + ": spec parameter '" + p.name() + "' has no field in the dialog");
		return problems;
	}

	/** The editable inputs the bridge's dialog shows. */
	static List<Field> inputs(Class<?> c) {
		List<Field> out = new ArrayList<>();
		for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
			for (Field f : k.getDeclaredFields()) {
				Parameter p = f.getAnnotation(Parameter.class);
				if (p != null && p.type() != ItemIO.OUTPUT && ModuleDialog.editable(f.getType())) out.add(f);
			}
		return out;
	}

	@Test
	void theCheckSeesADrift() throws Exception {
		assertEquals(List.of(), check(SlidingFftCommand.class), "the template command is consistent");
		List<String> drift = check(Drifted.class);
		assertTrue(drift.stream().anyMatch(s -> s.contains("window: default 32 is not the spec's 64")), drift.toString());
		assertTrue(drift.stream().anyMatch(s -> s.contains("label 'Window (px)'")), drift.toString());
		assertTrue(drift.stream().anyMatch(s -> s.contains("spec parameter 'step' has no field")), drift.toString());
	}

	/** A command whose field drifted from its spec: another default, another label, a missing parameter. */
	@Plugin(type = org.scijava.command.Command.class, label = "Sliding FFT Stack")
	public static class Drifted extends StemCommand {
		@Parameter(label = "Window (px)")
		private int window = 32;

		@Override
		public Spec spec() {
			return org.stemdiscovery.command.FftParams.SPEC;
		}

		@Override
		protected void execute() {}
	}
}
