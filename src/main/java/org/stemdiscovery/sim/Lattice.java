package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D Bravais lattice with a basis: sites {@code origin + i·a1 + j·a2 + basis[k]}, where a1 and a2 have
 * length {@code spacing} and the lattice is rotated by {@code angle} radians.
 *
 * @param basis fractional coordinates (u, v) of the basis sites in units of a1, a2
 */
public record Lattice(double spacing, double angle, double gamma, double[][] basis) {

	/** A square lattice (γ = 90°) with the given basis. */
	public static Lattice square(double spacing, double angle, double[]... basis) {
		return new Lattice(spacing, angle, Math.PI / 2, basis);
	}

	/**
	 * A honeycomb (graphene) lattice with carbon-carbon bond {@code bond}: hexagonal lattice constant
	 * bond·√3, two sites per cell.
	 */
	public static Lattice honeycomb(double bond, double angle) {
		return new Lattice(bond * Math.sqrt(3), angle, Math.PI / 3, new double[][] { { 0, 0 }, { 1 / 3.0, 1 / 3.0 } });
	}

	/** Lattice vector a1 (x, y). */
	public double[] a1() {
		return new double[] { spacing * Math.cos(angle), spacing * Math.sin(angle) };
	}

	/** Lattice vector a2 (x, y), at γ from a1. */
	public double[] a2() {
		return new double[] { spacing * Math.cos(angle + gamma), spacing * Math.sin(angle + gamma) };
	}

	/** A site as {x, y, basis index}. */
	public record Site(double x, double y, int sublattice) {}

	/** Every site inside [−margin, width+margin) × [−margin, height+margin), lattice origin at (ox, oy). */
	public List<Site> sites(double ox, double oy, int width, int height, double margin) {
		double[] a = a1(), b = a2();
		double det = a[0] * b[1] - a[1] * b[0];
		// Range of (i, j) from the inverse map of the four corners of the padded box.
		double minI = Double.POSITIVE_INFINITY, maxI = Double.NEGATIVE_INFINITY;
		double minJ = Double.POSITIVE_INFINITY, maxJ = Double.NEGATIVE_INFINITY;
		for (double cx : new double[] { -margin, width + margin })
			for (double cy : new double[] { -margin, height + margin }) {
				double dx = cx - ox, dy = cy - oy;
				double i = (dx * b[1] - dy * b[0]) / det, j = (a[0] * dy - a[1] * dx) / det;
				minI = Math.min(minI, i);
				maxI = Math.max(maxI, i);
				minJ = Math.min(minJ, j);
				maxJ = Math.max(maxJ, j);
			}
		List<Site> out = new ArrayList<>();
		for (int i = (int) Math.floor(minI) - 1; i <= Math.ceil(maxI) + 1; i++)
			for (int j = (int) Math.floor(minJ) - 1; j <= Math.ceil(maxJ) + 1; j++)
				for (int k = 0; k < basis.length; k++) {
					double u = i + basis[k][0], v = j + basis[k][1];
					double x = ox + u * a[0] + v * b[0], y = oy + u * a[1] + v * b[1];
					if (x >= -margin && x < width + margin && y >= -margin && y < height + margin) out.add(new Site(x, y, k));
				}
		return out;
	}
}
