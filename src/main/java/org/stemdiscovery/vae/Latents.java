package org.stemdiscovery.vae;

import java.util.ArrayList;
import java.util.List;

/**
 * The encoder's posterior per item: mean and standard deviation of each latent. The angle is in radians,
 * dx and dy in patch pixels (x to the right, y downwards), z1..zk in prior units.
 *
 * @param names latent names in column order (angle, dx, dy when present, then z1..zk)
 * @param mean  {@code mean[item][latent]}
 * @param std   {@code std[item][latent]}
 */
public record Latents(List<String> names, double[][] mean, double[][] std) {

	public Latents {
		names = List.copyOf(names);
		if (mean.length != std.length) throw new IllegalArgumentException("mean and std differ in length");
	}

	public int size() {
		return mean.length;
	}

	/** Column of latent {@code name}; an unknown name is an {@link IllegalArgumentException} listing the known ones. */
	public int index(String name) {
		int i = names.indexOf(name);
		if (i < 0) throw new IllegalArgumentException("no latent '" + name + "'; there are " + names);
		return i;
	}

	/** Means of one latent over all items. */
	public double[] column(String name) {
		int j = index(name);
		double[] c = new double[mean.length];
		for (int i = 0; i < c.length; i++)
			c[i] = mean[i][j];
		return c;
	}

	/** Table header: each latent then each latent's standard deviation ({@code angle_std}, ...). */
	public List<String> header() {
		List<String> h = new ArrayList<>(names);
		for (String n : names)
			h.add(n + "_std");
		return h;
	}

	/** Row {@code i} in {@link #header()} order. */
	public double[] row(int i) {
		int l = names.size();
		double[] r = new double[2 * l];
		System.arraycopy(mean[i], 0, r, 0, l);
		System.arraycopy(std[i], 0, r, l, l);
		return r;
	}
}
