package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/**
 * Share of the feature of interest found so far. The feature is the set of target pixels above a threshold;
 * a feature pixel counts as discovered once a measured point lies within {@code radius} pixels of it
 * (Euclidean distance between pixel centres, ≤ radius).
 */
public final class Discovery {

	private final boolean[] feature, found;
	private final int width, height, featureCount;
	private final double radius;
	private int foundCount;

	public Discovery(boolean[] feature, int width, int height, double radius) {
		if (feature.length != width * height) throw new IllegalArgumentException("feature mask size mismatch");
		if (!(radius >= 0)) throw new InputException("discovery radius " + radius + " px must be ≥ 0");
		this.feature = feature;
		this.found = new boolean[feature.length];
		this.width = width;
		this.height = height;
		this.radius = radius;
		int c = 0;
		for (boolean f : feature)
			if (f) c++;
		this.featureCount = c;
	}

	/** Pixels of {@code target} strictly above {@code threshold}. */
	public static boolean[] feature(float[] target, double threshold) {
		boolean[] f = new boolean[target.length];
		for (int i = 0; i < f.length; i++)
			f[i] = target[i] > threshold;
		return f;
	}

	/** Marks the feature pixels within the radius of a measured point. */
	public void add(int x, int y) {
		int r = (int) Math.floor(radius);
		double r2 = radius * radius;
		for (int yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++)
			for (int xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
				int i = yy * width + xx;
				if (found[i] || !feature[i]) continue;
				double dx = xx - x, dy = yy - y;
				if (dx * dx + dy * dy <= r2) {
					found[i] = true;
					foundCount++;
				}
			}
	}

	/** Discovered feature pixels / feature pixels (0 when there is no feature). */
	public double share() {
		return featureCount == 0 ? 0 : (double) foundCount / featureCount;
	}

	public int featurePixels() {
		return featureCount;
	}

	public double radius() {
		return radius;
	}
}
