package org.stemdiscovery.fiji;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ij.Prefs;
import ij.gui.GenericDialog;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.image.InputException;

/**
 * Fills a SciJava module's number, text, choice and checkbox inputs the ImageJ 1 way: from macro options
 * when a macro gave them, from an ImageJ {@link GenericDialog} (which the Recorder records) when a person
 * runs the command, or from the defaults in batch runs with neither.
 */
final class ModuleDialog {

	private final String title;
	private final List<ModuleItem<?>> items;
	private final Spec spec;

	/** @param spec the command's parameters (choices, ranges, checks); {@code null} for a command without one */
	ModuleDialog(String title, List<ModuleItem<?>> items, Spec spec) {
		this.title = title;
		this.items = items;
		this.spec = spec;
	}

	/** The spec's parameter behind an input, or {@code null}. */
	private Param param(ModuleItem<?> item) {
		return spec != null ? StemCommand.param(spec, item.getName()) : null;
	}

	private List<String> choices(ModuleItem<?> item) {
		Param p = param(item);
		if (p != null) return p.choices();
		return item.getChoices() == null ? List.of() : item.getChoices().stream().map(String::valueOf).toList();
	}

	/** Types a dialog field can edit. */
	static boolean editable(Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class ||
			type == double.class || type == Double.class || type == float.class || type == Float.class ||
			type == boolean.class || type == Boolean.class || type == String.class || type == File.class;
	}

	/** Sets the inputs from macro options; unknown keys are refused with the known ones listed. */
	void fromOptions(Module module, String options) {
		Map<String, String> given = MacroOptions.parse(options);
		TreeSet<String> known = new TreeSet<>();
		for (ModuleItem<?> item : items)
			known.add(MacroOptions.key(label(item)));
		for (String key : given.keySet())
			if (!known.contains(key)) throw new InputException("'" + key + "' is not an option of " + title +
				"; its options are " + String.join(", ", known));
		for (ModuleItem<?> item : items) {
			String key = MacroOptions.key(label(item));
			Class<?> type = item.getType();
			if (type == boolean.class || type == Boolean.class) set(module, item, given.containsKey(key) &&
				!"false".equalsIgnoreCase(given.get(key)));
			else if (given.containsKey(key)) set(module, item, convert(item, given.get(key)));
		}
	}

	/** Shows the dialog with the module's current values; false if the user cancelled. */
	boolean show(Module module, boolean remember) {
		GenericDialog gd = new GenericDialog(title);
		for (ModuleItem<?> item : items) {
			Object v = remember ? remembered(item, module.getInput(item.getName())) : module.getInput(item.getName());
			Class<?> type = item.getType();
			if (type == boolean.class || type == Boolean.class) gd.addCheckbox(label(item), Boolean.TRUE.equals(v));
			else if (isNumber(type)) {
				int digits = digits(type, ((Number) v).doubleValue());
				// scientific notation ("1.000E-6") needs a wider field than ImageJ's default 6 columns
				gd.addNumericField(label(item), ((Number) v).doubleValue(), digits, digits < 0 ? 10 : 6, null);
			}
			else if (!choices(item).isEmpty()) {
				String[] choices = choices(item).toArray(String[]::new);
				gd.addChoice(label(item), choices, v == null ? choices[0] : v.toString());
			}
			else gd.addStringField(label(item), v == null ? "" : v.toString(), 30);
		}
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		for (ModuleItem<?> item : items) {
			Class<?> type = item.getType();
			Object v;
			if (type == boolean.class || type == Boolean.class) v = gd.getNextBoolean();
			else if (isNumber(type)) v = convert(item, Double.toString(gd.getNextNumber()));
			else if (!choices(item).isEmpty()) v = gd.getNextChoice();
			else v = convert(item, gd.getNextString());
			set(module, item, v);
			if (remember) Prefs.set(prefKey(item), String.valueOf(v));
		}
		return true;
	}

	private Object remembered(ModuleItem<?> item, Object fallback) {
		String s = Prefs.get(prefKey(item), null);
		if (s == null) return fallback;
		try {
			return convert(item, s);
		}
		catch (InputException e) {
			return fallback; // a stale preference never blocks the dialog
		}
	}

	private String prefKey(ModuleItem<?> item) {
		return "stemdiscovery." + title.replace(' ', '_') + "." + item.getName();
	}

	private static String label(ModuleItem<?> item) {
		return item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : item.getName();
	}

	private static boolean isNumber(Class<?> t) {
		return t != boolean.class && t != Boolean.class && (t.isPrimitive() || Number.class.isAssignableFrom(t));
	}

	/**
	 * Decimals the dialog shows: none for whole-number fields, 3 for others, and scientific notation (ImageJ's
	 * negative digits) for a value too small for 3 decimals, which would show, and read back, as 0 (a tolerance
	 * of 1e-4).
	 */
	static int digits(Class<?> type, double v) {
		if (isInteger(type)) return 0;
		return v != 0 && Math.abs(v) < 1e-3 ? -3 : 3;
	}

	private static boolean isInteger(Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class;
	}

	/**
	 * Converts option text to the item's type and checks it: by the spec's rules where the item is a spec
	 * parameter, else by the item's own range and choices; the message names the field when it is off.
	 */
	private Object convert(ModuleItem<?> item, String text) {
		Param p = param(item);
		if (p != null) {
			try {
				return StemCommand.fieldValue(item.getType(), p.value(text));
			}
			catch (InputException e) {
				throw new InputException(label(item) + ": " + e.getMessage());
			}
		}
		Class<?> type = item.getType();
		if (type == String.class) {
			if (item.getChoices() != null && !item.getChoices().isEmpty() && !item.getChoices().contains(text))
				throw new InputException(label(item) + " '" + text + "' is not one of " + item.getChoices());
			return text;
		}
		if (type == File.class) return new File(text);
		double d;
		try {
			d = Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			throw new InputException(label(item) + " '" + text + "' is not a number");
		}
		if (Double.isNaN(d)) throw new InputException(label(item) + " is not a number");
		checkRange(item, d);
		if (type == int.class || type == Integer.class) {
			if (d != Math.rint(d)) throw new InputException(label(item) + " " + text + " must be a whole number");
			return (int) d;
		}
		if (type == long.class || type == Long.class) return (long) d;
		if (type == float.class || type == Float.class) return (float) d;
		return d;
	}

	private static void checkRange(ModuleItem<?> item, double d) {
		Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (min instanceof Number m && d < m.doubleValue())
			throw new InputException(label(item) + " is " + fmt(d) + "; it must be at least " + fmt(m.doubleValue()));
		if (max instanceof Number m && d > m.doubleValue())
			throw new InputException(label(item) + " is " + fmt(d) + "; it must be at most " + fmt(m.doubleValue()));
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}

	@SuppressWarnings("unchecked")
	private static void set(Module module, ModuleItem<?> item, Object value) {
		module.setInput(item.getName(), value);
		((ModuleItem<Object>) item).setValue(module, value);
	}
}
