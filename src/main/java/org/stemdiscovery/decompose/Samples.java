package org.stemdiscovery.decompose;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * The matrix an {@link Unmixer} factorises: {@code n} samples (windows, patches, frames) of {@code d}
 * features (frame pixels) each, sample after sample in {@code data} (row-major, not copied), and the window
 * grid the samples came from, or {@code null} for a stack without geometry. Values must be finite.
 */
public record Samples(float[] data, int n, int d, Grid grid) {

	public Samples {
		if (n < 1 || d < 1) throw new InputException("the stack is empty (" + n + " frames of " + d + " px)");
		if ((long) n * d != data.length) throw new IllegalArgumentException(data.length + " values for " + n + " x " + d);
		if (grid != null && grid.size() != n) throw new InputException("the stack has " + n +
			" frames but its window grid has " + grid.size() + " windows; make the stack again with Sliding FFT Stack");
		for (int i = 0; i < data.length; i++)
			if (!Float.isFinite(data[i])) throw new InputException("frame " + (i / d + 1) + " has " + data[i] +
				" at pixel " + (i % d) + "; replace NaN and infinite values (e.g. Process › Math › Remove NaNs…) first");
	}

	/** The frames of a sliding FFT stack with their grid. */
	public static Samples of(FftStack stack) {
		return new Samples(stack.data(), stack.size(), stack.frameSize() * stack.frameSize(), stack.grid());
	}

	public float get(int i, int j) {
		return data[i * d + j];
	}

	/** ‖X‖F², summed in double. */
	public double frobeniusSquared() {
		double s = 0;
		for (float v : data)
			s += (double) v * v;
		return s;
	}

	public float min() {
		float m = Float.POSITIVE_INFINITY;
		for (float v : data)
			m = Math.min(m, v);
		return m;
	}

	/**
	 * Refuses a number of components the data cannot support, and data with nothing to decompose, with the
	 * values that would work.
	 */
	public void checkComponents(int k) {
		if (k < 1) throw new InputException("k " + k + " must be at least 1 component");
		if (k >= n) throw new InputException("k " + k + " is ≥ the " + n + " samples (frames); choose k ≤ " +
			Math.max(1, n - 1) + (n < 3 ? ", or decompose a stack with more frames" : ""));
		if (k >= d) throw new InputException("k " + k + " is ≥ the " + d + " pixels of a frame; choose k ≤ " +
			Math.max(1, d - 1) + (d < 3 ? ", or use larger frames" : ""));
		float first = data[0];
		boolean constant = true;
		for (int i = 1; i < data.length && constant; i++)
			constant = data[i] == first;
		if (constant) throw new InputException("every value of the stack is " + first +
			"; a constant stack has nothing to decompose (check the input image and the window settings)");
	}
}
