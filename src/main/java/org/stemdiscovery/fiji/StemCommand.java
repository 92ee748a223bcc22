package org.stemdiscovery.fiji;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

/**
 * Base of the STEM Discovery commands: the Fiji door onto a command's {@link Spec}.
 *
 * <p>Every {@code @Parameter} field named like a spec parameter takes its default from the spec at
 * construction (the fields carry no initialisers of their own), the bridge's dialog takes choices and ranges
 * from it, and {@link #values()} checks the fields with the spec's rules, so a default, a range or a rule is
 * never decided here. Any other editable field is the Fiji door's own (an overlay to draw, where Fiji saves a
 * file); {@code SpecConsistencyTest} checks every command's fields against its spec.
 *
 * <p>Bad input and a user's cancel end the command as a SciJava cancellation with a one-line reason
 * ({@code module.isCanceled()}, {@code getCancelReason()}), logged as one line, never as a stack trace. The
 * bridge turns the reason into an ImageJ error or a macro abort.
 */
public abstract class StemCommand extends ContextCommand {

	@Parameter
	private LogService log;

	/** Off when the bridge runs the command: it reports the reason itself, once. */
	boolean logReasons = true;

	protected StemCommand() {
		for (Param p : spec().params()) {
			Field f = field(fieldName(p.name()));
			if (f != null) set(f, fieldValue(f.getType(), p.defaultValue()));
		}
	}

	/** The command's parameters (a constant: it is read while the command is constructed). */
	public abstract Spec spec();


	/** The command's work; throw {@link InputException} for bad input. */
	protected abstract void execute();

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (InputException e) {
			if (logReasons && log != null) log.error(title() + ": " + e.getMessage());
			cancel(e.getMessage());
		}
		catch (CancelledException e) {
			cancel(e.getMessage());
		}
	}

	/** The current field values, checked by the spec (ranges, choices, words). */
	protected final Values values() {
		Map<String, Object> given = new LinkedHashMap<>();
		for (Param p : spec().params()) {
			Field f = field(fieldName(p.name()));
			if (f != null) given.put(p.name(), get(f));
		}
		return spec().parse(given);
	}

	/** The label of the command's {@code @Plugin}, for messages. */
	protected String title() {
		org.scijava.plugin.Plugin p = getClass().getAnnotation(org.scijava.plugin.Plugin.class);
		return p != null && !p.label().isEmpty() ? p.label() : getClass().getSimpleName();
	}

	/**
	 * The field of a spec parameter: its name in camelCase ({@code survey-dose} → {@code surveyDose}), since a Java
	 * field, and so a SciJava input, cannot hold a hyphen.
	 */
	static String fieldName(String param) {
		StringBuilder b = new StringBuilder(param.length());
		boolean up = false;
		for (char c : param.toCharArray()) {
			if (c == '-') up = true;
			else {
				b.append(up ? Character.toUpperCase(c) : c);
				up = false;
			}
		}
		return b.toString();
	}

	/** The spec's parameter behind a field, or {@code null} for the Fiji door's own field. */
	static Param param(Spec spec, String field) {
		for (Param p : spec.params())
			if (fieldName(p.name()).equals(field)) return p;
		return null;
	}

	/** The {@code @Parameter} field called {@code name}, made accessible; {@code null} if there is none. */
	final Field field(String name) {
		for (Class<?> c = getClass(); c != StemCommand.class && c != null; c = c.getSuperclass()) {
			try {
				Field f = c.getDeclaredField(name);
				if (f.getAnnotation(Parameter.class) == null) return null;
				f.setAccessible(true);
				return f;
			}
			catch (NoSuchFieldException e) {
				// look in the superclass
			}
		}
		return null;
	}

	/** A spec value in the field's type: a number-or-word parameter lives in a String field. */
	static Object fieldValue(Class<?> t, Object v) {
		if (t == String.class) return Param.text(v);
		if ((t == int.class || t == Integer.class) && v instanceof Number n) return n.intValue();
		if ((t == double.class || t == Double.class) && v instanceof Number n) return n.doubleValue();
		if ((t == long.class || t == Long.class) && v instanceof Number n) return n.longValue();
		return v;
	}

	private Object get(Field f) {
		try {
			return f.get(this);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private void set(Field f, Object v) {
		try {
			f.set(this, v);
		}
		catch (IllegalAccessException | IllegalArgumentException e) {
			throw new IllegalStateException(getClass().getSimpleName() + "." + f.getName() + " cannot hold " + v, e);
		}
	}
}
