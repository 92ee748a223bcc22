package org.stemdiscovery.vae;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.PatchCutter;

/**
 * Square sub-images centred on atoms, and where they came from. The window of an atom at (x, y) starts at
 * pixel {@code (round(x) − size/2, round(y) − size/2)} (integer division, as AtomAI's crops); atoms whose
 * window does not lie fully inside the image are left out.
 *
 * @param patches       the sub-images
 * @param x, y          centres of the kept atoms in source pixels (x = column, y = row)
 * @param atomIndex     index of each kept atom in the list it was cut from
 * @param sourceWidth, sourceHeight size of the image they were cut from
 */
public record AtomPatches(PatchStack patches, double[] x, double[] y, int[] atomIndex, int sourceWidth,
	int sourceHeight) {

	/** Prefix of the Info keys that carry the atom positions with a patch stack. */
	public static final String KEY_PREFIX = "stemdiscovery.patches.";

	/** Cuts {@code size × size} windows of {@code image} ({@code width × height}, row-major) around the atoms. */
	public static AtomPatches cut(float[] image, int width, int height, double[] x, double[] y, int size) {
		PatchCutter c = PatchCutter.cut(image, width, height, x, y, size);
		if (c.count() == 0) throw new InputException("no atom has a full " + size + " x " + size +
			" px window inside the image; choose a smaller patch size");
		double[] kx = new double[c.count()], ky = new double[c.count()];
		for (int k = 0; k < c.count(); k++) {
			kx[k] = x[c.kept()[k]];
			ky[k] = y[c.kept()[k]];
		}
		return new AtomPatches(new PatchStack(c.stack(), size, size, c.count()), kx, ky, c.kept(), width, height);
	}

	/** Positions and source size as Info key/values, so they travel with a saved stack. */
	public Map<String, String> toProperties() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put(KEY_PREFIX + "size", Integer.toString(patches.width()));
		p.put(KEY_PREFIX + "sourceWidth", Integer.toString(sourceWidth));
		p.put(KEY_PREFIX + "sourceHeight", Integer.toString(sourceHeight));
		p.put(KEY_PREFIX + "x", join(x));
		p.put(KEY_PREFIX + "y", join(y));
		return p;
	}

	/** True when {@code info} carries atom positions written by {@link #toProperties()}. */
	public static boolean isIn(Map<String, String> info) {
		return info.containsKey(KEY_PREFIX + "x") && info.containsKey(KEY_PREFIX + "y");
	}

	/** The atom centres and source size stored in {@code info} for a stack of {@code count} patches. */
	public static AtomPatches fromProperties(Map<String, String> info, PatchStack stack) {
		double[] x = split(info.get(KEY_PREFIX + "x")), y = split(info.get(KEY_PREFIX + "y"));
		if (x.length != stack.count() || y.length != stack.count()) throw new InputException("the stack's Info lists " +
			x.length + " atoms for " + stack.count() + " patches; cut the patches again so each has its atom");
		int w = (int) number(info, "sourceWidth"), h = (int) number(info, "sourceHeight");
		int[] idx = new int[x.length];
		Arrays.setAll(idx, i -> i);
		return new AtomPatches(stack, x, y, idx, w, h);
	}

	private static double number(Map<String, String> info, String key) {
		String v = info.get(KEY_PREFIX + key);
		if (v == null) throw new InputException("the stack's Info lacks '" + KEY_PREFIX + key +
			"'; cut the atom patches again");
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new InputException("the stack's Info '" + KEY_PREFIX + key + "' is '" + v + "', not a number");
		}
	}

	private static String join(double[] v) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < v.length; i++) {
			if (i > 0) sb.append(',');
			sb.append((float) v[i]);
		}
		return sb.toString();
	}

	private static double[] split(String s) {
		if (s == null || s.isBlank()) return new double[0];
		String[] parts = s.split(",");
		double[] v = new double[parts.length];
		for (int i = 0; i < v.length; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new InputException("atom position '" + parts[i] + "' in the stack's Info is not a number");
			}
		}
		return v;
	}
}
