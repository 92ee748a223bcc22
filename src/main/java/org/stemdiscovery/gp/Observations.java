package org.stemdiscovery.gp;

/** Training points (x = column, y = row, in pixels) and their values; arrays are not copied. */
public record Observations(double[] x, double[] y, double[] value) {

	public Observations {
		if (x.length != y.length || x.length != value.length)
			throw new IllegalArgumentException("x, y and value need the same length: " + x.length + ", " + y.length +
				", " + value.length);
	}

	public int size() {
		return x.length;
	}

	static double r2(double x0, double y0, double x1, double y1) {
		double dx = x0 - x1, dy = y0 - y1;
		return dx * dx + dy * dy;
	}
}
