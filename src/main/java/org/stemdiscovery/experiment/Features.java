package org.stemdiscovery.experiment;

import java.util.Arrays;

import org.stemdiscovery.image.InputException;

/**
 * The ground truth an experiment is judged by: points (atoms, dopants) or the pixels of a mask. A feature
 * counts as found only when it lies inside a measured patch: a point when its position falls within the
 * patch's pixels (pixel centres at integers, so a patch covers [left − ½, left + size − ½)), a mask pixel
 * when the patch covers it.
 */
public final class Features {

	private final double[] x, y; // points, or null for a mask
	private final boolean[] mask;
	private final int width, height, count;

	private Features(double[] x, double[] y, boolean[] mask, int width, int height) {
		this.x = x;
		this.y = y;
		this.mask = mask;
		this.width = width;
		this.height = height;
		int c = x != null ? x.length : 0;
		if (mask != null) for (boolean b : mask)
			if (b) c++;
		this.count = c;
		if (count == 0) throw new InputException("the ground truth holds no feature (an empty point list or mask); " +
			"give at least one point or mask pixel");
	}

	/** Points in image pixels; every point must lie in the {@code width × height} field. */
	public static Features points(double[] x, double[] y, int width, int height) {
		if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
		for (int i = 0; i < x.length; i++)
			if (!(x[i] >= -0.5 && x[i] < width - 0.5 && y[i] >= -0.5 && y[i] < height - 0.5))
				throw new InputException("truth point " + (i + 1) + " at (" + x[i] + ", " + y[i] + ") lies outside the " +
					width + " × " + height + " px frame; give points in image pixels (x = column, y = row)");
		return new Features(x.clone(), y.clone(), null, width, height);
	}

	/** The pixels of a mask that are set. */
	public static Features mask(boolean[] mask, int width, int height) {
		if (mask.length != width * height) throw new InputException("the truth mask has " + mask.length +
			" pixels, not " + width + " × " + height + " like the specimen");
		return new Features(null, null, mask.clone(), width, height);
	}

	public int count() {
		return count;
	}

	/** A counter of found features, empty at the start. */
	public Counter counter() {
		return new Counter();
	}

	/** Which features measured patches have covered so far. */
	public final class Counter {

		private final boolean[] found = new boolean[x != null ? x.length : mask.length];
		private int foundCount;

		/** Marks the features inside a patch; returns the total found so far. */
		public int add(int left, int top, int size) {
			if (x != null) {
				for (int i = 0; i < x.length; i++)
					if (!found[i] && x[i] >= left - 0.5 && x[i] < left + size - 0.5 && y[i] >= top - 0.5 && y[i] < top + size -
						0.5) {
						found[i] = true;
						foundCount++;
					}
			}
			else {
				for (int yy = Math.max(0, top); yy < Math.min(height, top + size); yy++)
					for (int xx = Math.max(0, left); xx < Math.min(width, left + size); xx++) {
						int i = yy * width + xx;
						if (mask[i] && !found[i]) {
							found[i] = true;
							foundCount++;
						}
					}
			}
			return foundCount;
		}

		public int found() {
			return foundCount;
		}

		public double share() {
			return (double) foundCount / count;
		}

		/** Which points (or mask pixels) have been found. */
		public boolean[] foundFlags() {
			return Arrays.copyOf(found, found.length);
		}
	}
}
