package org.stemdiscovery.experiment;

/** Electrons delivered to every pixel of the field of view, accumulated over all scans. */
public final class DoseMap {

	private final int width, height;
	private final double[] electrons;

	public DoseMap(int width, int height) {
		this.width = width;
		this.height = height;
		this.electrons = new double[width * height];
	}

	private DoseMap(DoseMap other) {
		this.width = other.width;
		this.height = other.height;
		this.electrons = other.electrons.clone();
	}

	public void add(int x, int y, double e) {
		electrons[y * width + x] += e;
	}

	/** Adds {@code perPixel} electrons to every pixel of a {@code size × size} square at (left, top). */
	public void addSquare(int left, int top, int size, double perPixel) {
		for (int y = top; y < top + size; y++)
			for (int x = left; x < left + size; x++)
				electrons[y * width + x] += perPixel;
	}

	public void addAll(double perPixel) {
		for (int i = 0; i < electrons.length; i++)
			electrons[i] += perPixel;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public double at(int x, int y) {
		return electrons[y * width + x];
	}

	/** All electrons delivered. */
	public double total() {
		double s = 0;
		for (double e : electrons)
			s += e;
		return s;
	}

	/** The most electrons any one pixel received. */
	public double max() {
		double m = 0;
		for (double e : electrons)
			m = Math.max(m, e);
		return m;
	}

	public float[] toFloats() {
		float[] out = new float[electrons.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) electrons[i];
		return out;
	}

	public DoseMap copy() {
		return new DoseMap(this);
	}
}
