package org.stemdiscovery.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the descriptors of a stack came from: sliding windows of {@code window} pixels whose top-left
 * corners sit at {@code (x0 + col * step, y0 + row * step)} for {@code rows × cols} positions, in row-major
 * order. Descriptor index {@code n = row * cols + col}. Coordinates are in source-image pixels with the
 * origin at the centre of pixel (0,0), so the window covering pixels 0..31 has its centre at 15.5.
 *
 * @param sourceWidth  width of the image the windows were cut from
 * @param sourceHeight height of that image
 */
public record Grid(int x0, int y0, int step, int window, int cols, int rows, int sourceWidth, int sourceHeight) {

	/** Prefix of the keys this grid is stored under in image properties and JSON. */
	public static final String KEY_PREFIX = "stemdiscovery.grid.";

	public Grid {
		if (step <= 0) throw new InputException("step " + step + " px must be at least 1 px");
		if (window <= 0) throw new InputException("window " + window + " px must be at least 1 px");
		if (cols <= 0 || rows <= 0) throw new InputException("grid " + cols + " x " + rows + " is empty");
		if (x0 < 0 || y0 < 0 || x0 + (cols - 1) * step + window > sourceWidth ||
			y0 + (rows - 1) * step + window > sourceHeight)
			throw new InputException("grid of " + cols + " x " + rows + " windows of " + window + " px does not fit the " +
				sourceWidth + " x " + sourceHeight + " px source image");
	}

	/**
	 * Every window of {@code window} px that lies fully inside a {@code width × height} image, with the first
	 * at the top-left corner.
	 */
	public static Grid ofWindows(int width, int height, int window, int step) {
		if (step <= 0) throw new InputException("step " + step + " px must be at least 1 px");
		if (window > width || window > height)
			throw new InputException("window " + window + " px is larger than the " + width + " x " + height +
				" px image; choose a window of at most " + Math.min(width, height) + " px");
		return new Grid(0, 0, step, window, (width - window) / step + 1, (height - window) / step + 1, width, height);
	}

	/** Number of windows. */
	public int size() {
		return rows * cols;
	}

	public int index(int row, int col) {
		return row * cols + col;
	}

	public int row(int index) {
		return index / cols;
	}

	public int col(int index) {
		return index % cols;
	}

	/** Left edge (first pixel column) of the windows in grid column {@code col}. */
	public int left(int col) {
		return x0 + col * step;
	}

	/** Top edge (first pixel row) of the windows in grid row {@code row}. */
	public int top(int row) {
		return y0 + row * step;
	}

	/** x of the centre of the windows in grid column {@code col}, in source pixels. */
	public double centreX(int col) {
		return left(col) + (window - 1) / 2.0;
	}

	/** y of the centre of the windows in grid row {@code row}, in source pixels. */
	public double centreY(int row) {
		return top(row) + (window - 1) / 2.0;
	}

	/** The grid as flat key/value pairs (keys start with {@link #KEY_PREFIX}) for image Info and JSON. */
	public Map<String, String> toProperties() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put(KEY_PREFIX + "x0", Integer.toString(x0));
		p.put(KEY_PREFIX + "y0", Integer.toString(y0));
		p.put(KEY_PREFIX + "step", Integer.toString(step));
		p.put(KEY_PREFIX + "window", Integer.toString(window));
		p.put(KEY_PREFIX + "cols", Integer.toString(cols));
		p.put(KEY_PREFIX + "rows", Integer.toString(rows));
		p.put(KEY_PREFIX + "sourceWidth", Integer.toString(sourceWidth));
		p.put(KEY_PREFIX + "sourceHeight", Integer.toString(sourceHeight));
		return p;
	}

	/** True when {@code properties} hold a grid written by {@link #toProperties()}. */
	public static boolean isIn(Map<String, String> properties) {
		return properties.containsKey(KEY_PREFIX + "window");
	}

	/** Reads a grid written by {@link #toProperties()}; a missing or malformed key is an {@link InputException}. */
	public static Grid fromProperties(Map<String, String> p) {
		return new Grid(intOf(p, "x0"), intOf(p, "y0"), intOf(p, "step"), intOf(p, "window"), intOf(p, "cols"),
			intOf(p, "rows"), intOf(p, "sourceWidth"), intOf(p, "sourceHeight"));
	}

	private static int intOf(Map<String, String> p, String key) {
		String v = p.get(KEY_PREFIX + key);
		if (v == null) throw new InputException("the window grid lacks '" + KEY_PREFIX + key +
			"'; run Sliding FFT Stack again to make a stack with its geometry");
		try {
			return (int) Math.round(Double.parseDouble(v.trim()));
		}
		catch (NumberFormatException e) {
			throw new InputException("the window grid's '" + KEY_PREFIX + key + "' is '" + v + "', not a number");
		}
	}
}
