package org.stemdiscovery.image;

import java.util.Arrays;

/**
 * Cuts {@code size × size} windows centred on points of a row-major image, AtomAI's rule: the window of a
 * point at (x, y) starts at (round(x) − size/2, round(y) − size/2); points whose window leaves the image
 * are skipped. The one implementation behind atom patches for the atom finder and for the rVAE.
 *
 * @param stack the kept windows back to back, row-major
 * @param kept  indices of the points whose window was cut, in order
 */
public record PatchCutter(float[] stack, int size, int[] kept) {

	public static PatchCutter cut(float[] image, int width, int height, double[] x, double[] y, int size) {
		if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
		if (size < 4) throw new InputException("patch size " + size + " px is too small; choose at least 4 (32 is usual)");
		if (size > Math.min(width, height)) throw new InputException("patch size " + size + " px is larger than the " +
			width + " x " + height + " image; choose at most " + Math.min(width, height));
		int h = size / 2, n = 0;
		int[] keep = new int[x.length];
		for (int i = 0; i < x.length; i++) {
			long cx = Math.round(x[i]), cy = Math.round(y[i]);
			if (cx - h >= 0 && cx - h + size <= width && cy - h >= 0 && cy - h + size <= height) keep[n++] = i;
		}
		keep = Arrays.copyOf(keep, n);
		float[] data = new float[n * size * size];
		for (int k = 0; k < n; k++) {
			int left = (int) Math.round(x[keep[k]]) - h, top = (int) Math.round(y[keep[k]]) - h;
			for (int r = 0; r < size; r++)
				System.arraycopy(image, (top + r) * width + left, data, (k * size + r) * size, size);
		}
		return new PatchCutter(data, size, keep);
	}

	public int count() {
		return kept.length;
	}
}
