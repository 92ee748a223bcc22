package org.stemdiscovery.atoms;

/**
 * One atomic column found in an image: position in pixels (x = column, y = row, origin at the centre of
 * the top-left pixel), class ({@link #ATOM} or {@link #BRIGHT}: a dopant or heavy column) and the finder's
 * confidence in [0, 1].
 */
public record FoundAtom(double x, double y, int cls, double probability) {

	public static final int ATOM = 0, BRIGHT = 1;

	public FoundAtom moved(double nx, double ny) {
		return new FoundAtom(nx, ny, cls, probability);
	}
}
