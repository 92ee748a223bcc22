package org.stemdiscovery.sim;

/**
 * One atomic column of a synthetic image: position in pixels (x = column, y = row, origin at the centre
 * of pixel (0,0)), class label, peak intensity and Gaussian width of its image.
 */
public record Atom(double x, double y, int cls, double intensity, double sigma) {

	public Atom moved(double nx, double ny) {
		return new Atom(nx, ny, cls, intensity, sigma);
	}
}
