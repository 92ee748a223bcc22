package org.stemdiscovery.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * Named implementations of one extension point (in the core package that holds them, as a constant) (kernels, acquisition functions, unmixers, atom finders,
 * workflows): both doors list their choices from here, and an unknown name is the project's input error naming
 * the valid ones. Adding an implementation is its class plus one {@link #add} line where the registry is built.
 * Immutable: {@link #add} returns a new registry, so a registry can be a constant.
 *
 * @param <T> what is registered: usually a factory
 */
public final class Registry<T> {

	private final String what;
	private final Map<String, T> entries;
	private final Map<String, String> aliases;

	private Registry(String what, Map<String, T> entries, Map<String, String> aliases) {
		this.what = what;
		this.entries = Collections.unmodifiableMap(entries);
		this.aliases = Collections.unmodifiableMap(aliases);
	}

	/** An empty registry; {@code what} names its entries in messages ("kernel"). */
	public static <T> Registry<T> of(String what) {
		return new Registry<>(what, new LinkedHashMap<>(), new LinkedHashMap<>());
	}

	/** A registry with {@code value} added under {@code name} and optional older spellings (this one is unchanged). */
	public Registry<T> add(String name, T value, String... alias) {
		if (entries.containsKey(name)) throw new IllegalArgumentException(what + " " + name + " registered twice");
		Map<String, T> e = new LinkedHashMap<>(entries);
		e.put(name, value);
		Map<String, String> a = new LinkedHashMap<>(aliases);
		for (String s : alias)
			a.put(s, name);
		return new Registry<>(what, e, a);
	}

	/** The registered names in registration order. */
	public List<String> names() {
		return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
	}

	/** The canonical name for {@code name} or an alias of it. */
	public String canonical(String name) {
		String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (entries.containsKey(n)) return n;
		if (aliases.containsKey(n)) return aliases.get(n);
		throw new InputException(what + " '" + name + "' is unknown; choose " + orList(names()));
	}

	public T get(String name) {
		return entries.get(canonical(name));
	}

	/** "a, b or c". */
	public static String orList(List<String> c) {
		if (c.size() <= 1) return String.join("", c);
		return String.join(", ", c.subList(0, c.size() - 1)) + " or " + c.get(c.size() - 1);
	}
}
