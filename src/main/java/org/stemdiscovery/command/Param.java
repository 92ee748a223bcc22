package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Registry;

/**
 * One parameter of a command, declared once: its name (the CLI option {@code --name}, the Fiji field, the
 * JSON key), kind, default, range or choices, unit, one-line help and the Fiji dialog label (whose first word
 * is the ImageJ macro key). Every door reads these; none decides a default, a range or a rule of its own.
 *
 * <p>A number parameter may also accept a few words ({@link #words}), such as {@code fit} for a length
 * scale or {@code otsu} for a threshold; its value is then a {@code Double} or one of those words.
 * Choices may come from a {@link Registry}, so a new kernel or unmixer appears in every door at once.
 *
 * @param aliases further CLI names ({@code no-log} for {@code linear}) kept for scripts written before
 */
public record Param(String name, Kind kind, Object defaultValue, double min, double max,
	Supplier<List<String>> choiceList, List<String> words, String unit, String help, String label,
	List<String> aliases, UnaryOperator<String> canonical) {

	/** What values a parameter takes. */
	public enum Kind {
		INT, REAL, FLAG, CHOICE, TEXT
	}

	public Param {
		if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("parameter name '" + name + "'");
		words = List.copyOf(words);
		aliases = List.copyOf(aliases);
	}

	public static Param integer(String name, int def) {
		return new Param(name, Kind.INT, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(), "", "",
			"", List.of(), null);
	}

	public static Param real(String name, double def) {
		return new Param(name, Kind.REAL, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(), "", "",
			"", List.of(), null);
	}

	/** A number that may also be one of {@code words}; {@code def} is a Double or one of the words. */
	public static Param realOr(String name, Object def, String... words) {
		return new Param(name, Kind.REAL, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(words),
			"", "", "", List.of(), null);
	}

	public static Param flag(String name) {
		return flag(name, false);
	}

	/**
	 * A switch that may be on by default (a Fiji checkbox ticked at first, such as path planning or the rVAE's
	 * rotation); the command line then takes {@code --name off} or {@code --no-name} to turn it off.
	 */
	public static Param flag(String name, boolean def) {
		return new Param(name, Kind.FLAG, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(), "", "", "", List.of(), null);
	}

	public static Param choice(String name, String def, String... choices) {
		List<String> c = List.of(choices);
		return choice(name, def, () -> c);
	}

	/** Choices read when asked, e.g. from a {@link Registry}. */
	public static Param choice(String name, String def, Supplier<List<String>> choices) {
		return new Param(name, Kind.CHOICE, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, choices, List.of(), "", "", "", List.of(), null);
	}

	/**
	 * One of a registry's names (its older spellings accepted and turned into the current name), so a new
	 * implementation appears in every door with its registration line.
	 */
	public static Param choice(String name, String def, Registry<?> registry) {
		return new Param(name, Kind.CHOICE, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, registry::names,
			List.of(), "", "", "", List.of(), registry::canonical);
	}

	public static Param text(String name, String def) {
		return new Param(name, Kind.TEXT, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(), "", "", "", List.of(), null);
	}

	public Param range(double lo, double hi) {
		return new Param(name, kind, defaultValue, lo, hi, choiceList, words, unit, help, label, aliases, canonical);
	}

	public Param min(double lo) {
		return range(lo, max);
	}

	public Param unit(String u) {
		return new Param(name, kind, defaultValue, min, max, choiceList, words, u, help, label, aliases, canonical);
	}

	public Param help(String h) {
		return new Param(name, kind, defaultValue, min, max, choiceList, words, unit, h, label, aliases, canonical);
	}

	/** The Fiji dialog label; its first word, lower-cased, is the macro key. */
	public Param label(String l) {
		return new Param(name, kind, defaultValue, min, max, choiceList, words, unit, help, l, aliases, canonical);
	}

	public Param alias(String... more) {
		List<String> a = new ArrayList<>(aliases);
		a.addAll(List.of(more));
		return new Param(name, kind, defaultValue, min, max, choiceList, words, unit, help, label, a, canonical);
	}

	/** The valid choices of a {@link Kind#CHOICE} parameter (empty for other kinds). */
	public List<String> choices() {
		return choiceList == null ? List.of() : choiceList.get();
	}

	/** The label, or the name where none was given. */
	public String displayLabel() {
		return label.isEmpty() ? name : label;
	}

	/** The ImageJ macro key: the first word of the label, lower-cased, as {@code Macro.trimKey} makes it. */
	public String macroKey() {
		String l = displayLabel().trim();
		int space = l.indexOf(' ');
		String word = space < 0 ? l : l.substring(0, space);
		int colon = word.indexOf(':'); // "Augment: average ..." is the key "augment"
		return (colon < 0 ? word : word.substring(0, colon)).toLowerCase(Locale.ROOT);
	}

	/** The default as text, as a user would type it. */
	public String defaultText() {
		return text(defaultValue);
	}

	/** A value as text: whole numbers without ".0". */
	public static String text(Object v) {
		if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15)
			return Long.toString(d.longValue());
		if (v instanceof Double d && Double.isFinite(d)) // 1e-4 reads as 0.0001, not 1.0E-4
			return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		return String.valueOf(v);
	}

	/**
	 * Checks and converts one value: text as typed (CLI, macro options, JSON) or a typed value (a Fiji field, a
	 * script). Returns an Integer, Double, Boolean or String (a choice or a word); bad values are an
	 * {@link InputException} naming the parameter and what to choose instead.
	 */
	public Object value(Object raw) {
		if (raw == null) return defaultValue;
		return switch (kind) {
			case FLAG -> flagValue(raw);
			// A number given for a choice (JSON's 1 for workflow "1", read back as 1.0) names it by its digits.
			case CHOICE -> choiceValue(raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n
				.doubleValue()) < 1e15 ? Long.toString(n.longValue()) : raw.toString());
			case TEXT -> raw.toString();
			case INT -> intValue(raw);
			case REAL -> realValue(raw);
		};
	}

	private Boolean flagValue(Object raw) {
		if (raw instanceof Boolean b) return b;
		String s = raw.toString().trim().toLowerCase(Locale.ROOT);
		if (s.equals("true") || s.equals("on") || s.equals("yes")) return true;
		if (s.equals("false") || s.equals("off") || s.equals("no")) return false;
		throw new InputException(name + " '" + raw + "' is not true or false");
	}

	private String choiceValue(String raw) {
		if (canonical != null) try {
			return canonical.apply(raw);
		}
		catch (InputException e) { // the registry names its entries ("atom finder"); a door's message names the option
			throw new InputException(name + " '" + raw + "' is unknown; choose " + orList(choices()));
		}
		String s = raw.trim().toLowerCase(Locale.ROOT);
		List<String> c = choices();
		if (!c.contains(s)) throw new InputException(name + " '" + raw + "' is unknown; choose " + orList(c));
		return s;
	}

	private Integer intValue(Object raw) {
		double d = number(raw);
		if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE)
			throw new InputException(name + " " + raw + " must be a whole number" + rangeHint());
		checkRange(d);
		return (int) d;
	}

	private Object realValue(Object raw) {
		if (raw instanceof String s && words.contains(s.trim().toLowerCase(Locale.ROOT)))
			return s.trim().toLowerCase(Locale.ROOT);
		double d = number(raw);
		checkRange(d);
		return d;
	}

	private double number(Object raw) {
		double d;
		if (raw instanceof Number n) d = n.doubleValue();
		else try {
			d = Double.parseDouble(raw.toString().trim());
		}
		catch (NumberFormatException e) {
			throw new InputException(name + " '" + raw + "' is not a number" + (words.isEmpty() ? "" : " or " + orList(
				words)) + rangeHint());
		}
		if (!Double.isFinite(d)) throw new InputException(name + " " + raw + " is not a finite number" + rangeHint());
		return d;
	}

	private void checkRange(double d) {
		if (d < min || d > max) throw new InputException(name + " " + text(d) + (unit.isEmpty() ? "" : " " + unit) +
			" is out of range" + rangeHint());
	}

	/** "; choose 4 to 4096" style hint, empty when the number is unbounded. */
	String rangeHint() {
		boolean lo = min > Double.NEGATIVE_INFINITY, hi = max < Double.POSITIVE_INFINITY;
		if (lo && hi) return "; choose " + text(min) + " to " + text(max);
		if (lo) return "; choose at least " + text(min);
		if (hi) return "; choose at most " + text(max);
		return "";
	}

	static String orList(List<String> c) {
		return Registry.orList(c);
	}

	/** Help text with range, choices and unit, as the CLI and the dialog's tooltip show it. */
	public String fullHelp() {
		StringBuilder sb = new StringBuilder(help);
		if (kind == Kind.CHOICE) sb.append(sb.isEmpty() ? "" : "; ").append("one of ").append(String.join(", ",
			choices()));
		if (!words.isEmpty()) sb.append(sb.isEmpty() ? "" : "; ").append("a number or ").append(orList(words));
		String r = rangeHint();
		if (!r.isEmpty()) sb.append(sb.isEmpty() ? "" : "; ").append(r.substring("; choose ".length()))
			.append(unit.isEmpty() ? "" : " " + unit);
		else if (!unit.isEmpty()) sb.append(" [").append(unit).append("]");
		return sb.toString();
	}
}
