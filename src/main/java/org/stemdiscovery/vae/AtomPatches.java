package org.stemdiscovery.vae;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.PatchCutter;

/**
 * Square sub-images centred on atoms, and where they came from. The window of an atom at (x, y) starts at
 * pixel {@code (round(x) − size/2, round(y) − size/2)} (integer division, as AtomAI's crops); atoms whose
 * window does not lie fully inside the image are left out.
 *
 * <p>The one Info format of a patch stack ({@link #toProperties}, read back by {@link #fromProperties}),
 * written by Extract Atom Patches and {@code stem-discovery patches} alike and read by the rVAE commands to
 * draw latents around the atoms:
 * <pre>
 * stemdiscovery.patches.size         = patch side (px)
 * stemdiscovery.patches.count        = number of patches
 * stemdiscovery.patches.sourceWidth  = width of the image they were cut from
 * stemdiscovery.patches.sourceHeight = its height
 * stemdiscovery.patch.K              = atom-index x y class probability   (K = 1-based slice)
 * </pre>
 *
 * @param patches       the sub-images
 * @param x, y          centres of the kept atoms in source pixels (x = column, y = row)
 * @param atomIndex     index of each kept atom in the list it was cut from
 * @param cls, probability class (0 atom, 1 bright column) and the finder's confidence of each kept atom
 * @param sourceWidth, sourceHeight size of the image they were cut from
 */
public record AtomPatches(PatchStack patches, double[] x, double[] y, int[] atomIndex, int[] cls,
	double[] probability, int sourceWidth, int sourceHeight) {

	/** Prefix of the Info keys of the stack as a whole. */
	public static final String KEY_PREFIX = "stemdiscovery.patches.";
	/** Prefix of the Info key of each patch's atom, followed by the 1-based slice number. */
	public static final String PATCH_PREFIX = "stemdiscovery.patch.";
	public static final String SIZE = KEY_PREFIX + "size", COUNT = KEY_PREFIX + "count";

	/** Cuts {@code size × size} windows of {@code image} ({@code width × height}, row-major) around the atoms. */
	public static AtomPatches cut(float[] image, int width, int height, double[] x, double[] y, int size) {
		int[] cls = new int[x.length];
		double[] probability = new double[x.length];
		Arrays.fill(probability, 1);
		return cut(image, width, height, x, y, cls, probability, size);
	}

	/** As {@link #cut(float[], int, int, double[], double[], int)}, keeping each atom's class and probability. */
	public static AtomPatches cut(float[] image, int width, int height, double[] x, double[] y, int[] cls,
		double[] probability, int size) {
		PatchCutter c = PatchCutter.cut(image, width, height, x, y, size);
		if (c.count() == 0) throw new InputException("every one of the " + x.length + " atoms is closer than " + size /
			2 + " px to the border; choose a smaller patch size");
		int n = c.count();
		double[] kx = new double[n], ky = new double[n], kp = new double[n];
		int[] kc = new int[n];
		for (int k = 0; k < n; k++) {
			int i = c.kept()[k];
			kx[k] = x[i];
			ky[k] = y[i];
			kc[k] = cls[i];
			kp[k] = probability[i];
		}
		return new AtomPatches(new PatchStack(c.stack(), size, size, n), kx, ky, c.kept(), kc, kp, width, height);
	}

	/** Number of patches. */
	public int count() {
		return x.length;
	}

	/** The stack's Info in the one format above, so the atoms travel with a saved stack. */
	public Map<String, String> toProperties() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put(SIZE, Integer.toString(patches.width()));
		p.put(COUNT, Integer.toString(count()));
		p.put(KEY_PREFIX + "sourceWidth", Integer.toString(sourceWidth));
		p.put(KEY_PREFIX + "sourceHeight", Integer.toString(sourceHeight));
		for (int k = 0; k < count(); k++)
			p.put(PATCH_PREFIX + (k + 1), String.format(Locale.ROOT, "%d %.4f %.4f %d %.4f", atomIndex[k], x[k], y[k],
				cls[k], probability[k]));
		return p;
	}

	/** True when {@code info} carries atom positions written by {@link #toProperties()}. */
	public static boolean isIn(Map<String, String> info) {
		return info.containsKey(PATCH_PREFIX + "1");
	}

	/** The atoms and source size stored in {@code info} for {@code stack}: one atom per patch, by slice. */
	public static AtomPatches fromProperties(Map<String, String> info, PatchStack stack) {
		int n = stack.count();
		if (info.containsKey(PATCH_PREFIX + (n + 1)) || !info.containsKey(PATCH_PREFIX + n)) throw new InputException(
			"the stack's Info does not list one atom for each of its " + n + " patches; cut the patches again so each " +
				"has its atom");
		double[] x = new double[n], y = new double[n], p = new double[n];
		int[] idx = new int[n], cls = new int[n];
		for (int k = 0; k < n; k++) {
			double[] f = patchAtom(info, k + 1);
			idx[k] = (int) f[0];
			x[k] = f[1];
			y[k] = f[2];
			cls[k] = f.length > 3 ? (int) f[3] : 0;
			p[k] = f.length > 4 ? f[4] : 1;
		}
		return new AtomPatches(stack, x, y, idx, cls, p, (int) number(info, "sourceWidth"), (int) number(info,
			"sourceHeight"));
	}

	/** One slice's entry: {index, x, y[, class, probability]}. */
	private static double[] patchAtom(Map<String, String> info, int slice) {
		String v = info.get(PATCH_PREFIX + slice);
		if (v == null) throw new InputException("the stack's Info has no atom for patch " + slice +
			"; make the stack with Extract Atom Patches");
		String[] f = v.trim().split("\\s+");
		if (f.length < 3) throw new InputException("the stack's Info entry for patch " + slice + " is '" + v +
			"'; it should be 'atom-index x y class probability'");
		double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++) {
			try {
				out[i] = Double.parseDouble(f[i]);
			}
			catch (NumberFormatException e) {
				throw new InputException("the stack's Info entry for patch " + slice + " has '" + f[i] + "', not a number");
			}
		}
		return out;
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
}
