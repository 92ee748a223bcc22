package org.stemdiscovery.vae;

import org.stemdiscovery.image.InputException;

/**
 * Equal-sized patches (FFT windows, atom-centred sub-images, any stack) stored back to back, row-major:
 * patch n, row y, column x is at {@code n·w·h + y·w + x}.
 */
public record PatchStack(float[] data, int width, int height, int count) {

	public PatchStack {
		if (width < 2 || height < 2) throw new InputException("patches of " + width + " x " + height +
			" px are too small for an rVAE; use at least 8 x 8 px");
		if (count < 1) throw new InputException("the stack is empty; an rVAE needs patches to learn from");
		if ((long) width * height * count != data.length) throw new InputException("the stack holds " + data.length +
			" values, not " + count + " patches of " + width + " x " + height + " px; all patches must be the same size");
		for (int i = 0; i < data.length; i++)
			if (!Float.isFinite(data[i])) {
				int p = width * height;
				throw new InputException("patch " + (i / p + 1) + " has a " + (Float.isNaN(data[i]) ? "NaN" : "infinite") +
					" pixel at x " + (i % p) % width + ", y " + (i % p) / width +
					"; replace NaNs (Process › Math › Remove NaNs) or drop the patch");
			}
	}

	/** Stacks separate patches of {@code width × height} pixels; a patch of another size is refused by number. */
	public static PatchStack of(java.util.List<float[]> patches, int width, int height) {
		int p = width * height;
		float[] data = new float[patches.size() * p];
		for (int i = 0; i < patches.size(); i++) {
			float[] a = patches.get(i);
			if (a.length != p) throw new InputException("patch " + (i + 1) + " has " + a.length + " pixels, not " + width +
				" x " + height + " = " + p + "; all patches must be the same size: cut them again with one size");
			System.arraycopy(a, 0, data, i * p, p);
		}
		return new PatchStack(data, width, height, patches.size());
	}

	/** Pixels per patch. */
	public int pixels() {
		return width * height;
	}

	/** A copy of patch {@code n}. */
	public float[] patch(int n) {
		float[] p = new float[pixels()];
		System.arraycopy(data, n * pixels(), p, 0, pixels());
		return p;
	}

	/** Smallest and largest value of the whole stack. */
	public float[] range() {
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : data) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return new float[] { lo, hi };
	}
}
