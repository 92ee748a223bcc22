package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

/**
 * Matching restricted to the interior: atoms within {@link #BORDER} px of the image border are left out
 * of both lists, since a column cut by the border is neither clearly present nor clearly absent.
 */
public final class Scoring {

	public static final double BORDER = 3;

	private Scoring() {}

	public static Matching interior(List<FoundAtom> found, List<double[]> reference, int w, int h, double radius) {
		List<FoundAtom> f = new ArrayList<>();
		for (FoundAtom a : found)
			if (inside(a.x(), a.y(), w, h)) f.add(a);
		List<double[]> r = new ArrayList<>();
		for (double[] p : reference)
			if (inside(p[0], p[1], w, h)) r.add(p);
		return Matching.of(f, r, radius);
	}

	static boolean inside(double x, double y, int w, int h) {
		return x >= BORDER && y >= BORDER && x <= w - 1 - BORDER && y <= h - 1 - BORDER;
	}
}
