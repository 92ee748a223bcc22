package org.stemdiscovery.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checked values of every parameter of a {@link Spec}, by name; what a parameter record is built from. */
public record Values(Spec spec, Map<String, Object> map) {

	public Values {
		map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	private Object get(String name) {
		if (!map.containsKey(name)) throw new IllegalArgumentException(spec.name() + " has no parameter " + name);
		return map.get(name);
	}

	public int integer(String name) {
		return (Integer) get(name);
	}

	public double real(String name) {
		return ((Number) get(name)).doubleValue();
	}

	/** A number-or-word parameter: the word, or {@code null} when a number was given. */
	public String word(String name) {
		return get(name) instanceof String s ? s : null;
	}

	public boolean flag(String name) {
		return (Boolean) get(name);
	}

	public String text(String name) {
		return (String) get(name);
	}


	/** The same values with some replaced (checked again). */
	public Values with(Map<String, ?> changes) {
		Map<String, Object> m = new LinkedHashMap<>(map);
		m.putAll(changes);
		return spec.parse(m);
	}
}
