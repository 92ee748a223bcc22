package org.stemdiscovery.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.stemdiscovery.image.InputException;

/**
 * The declared parameters of one command: what the CLI turns into options and {@code --help}, what the Fiji
 * command's fields and dialog are checked against, what a script or the microscope link passes by name.
 *
 * @param name        the CLI verb
 * @param title       the Fiji menu label
 * @param summary     one line for overviews
 * @param description a paragraph for {@code --help}
 */
public record Spec(String name, String title, String summary, String description, List<Param> params) {

	public Spec {
		params = List.copyOf(params);
		TreeSet<String> seen = new TreeSet<>();
		for (Param p : params)
			if (!seen.add(p.name())) throw new IllegalArgumentException(name + ": parameter " + p.name() + " twice");
	}

	public Param param(String n) {
		for (Param p : params)
			if (p.name().equals(n)) return p;
		throw new IllegalArgumentException(name + " has no parameter " + n);
	}

	public boolean has(String n) {
		return params.stream().anyMatch(p -> p.name().equals(n));
	}

	/**
	 * Checks values given by name (text or typed; absent ones take their defaults) and returns them converted.
	 * An unknown name is refused with the known ones listed.
	 */
	public Values parse(Map<String, ?> given) {
		for (String key : given.keySet())
			if (!has(key)) throw new InputException("'" + key + "' is not a parameter of " + name + "; its parameters are " +
				String.join(", ", new TreeSet<>(params.stream().map(Param::name).toList())));
		Map<String, Object> v = new LinkedHashMap<>();
		for (Param p : params)
			v.put(p.name(), p.value(given.get(p.name())));
		return new Values(this, v);
	}

	/** All defaults. */
	public Values defaults() {
		return parse(Map.of());
	}
}
