package org.stemdiscovery.fft;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Images;

/**
 * Local FFT magnitudes of the windows of a {@link Grid}: a {@code frame × frame × N} image whose
 * plane {@code n} belongs to window {@code n} of the grid (row-major).
 */
public record FftStack(ArrayImg<FloatType, FloatArray> stack, Grid grid, SlidingFftSettings settings) {

	public FftStack {
		if (stack.dimension(2) != grid.size()) throw new IllegalArgumentException(
			stack.dimension(2) + " frames for a grid of " + grid.size() + " windows");
	}

	/** Side of one frame in frequency pixels. */
	public int frameSize() {
		return (int) stack.dimension(0);
	}

	/** Number of frames (= windows). */
	public int size() {
		return (int) stack.dimension(2);
	}

	/** The frame of window {@code n}, as a view. */
	public RandomAccessibleInterval<FloatType> frame(int n) {
		return Views.hyperSlice(stack, 2, n);
	}

	/** All frames back to back, frame n at {@code n · frame²}, row-major within a frame; not a copy. */
	public float[] data() {
		return Images.data(stack);
	}
}
