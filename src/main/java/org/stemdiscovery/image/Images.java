package org.stemdiscovery.image;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Small helpers between ImgLib2 images and the flat arrays the numerical code works on. */
public final class Images {

	private Images() {}

	/** Checks that {@code image} is a single 2-D plane and returns its {width, height}. */
	public static int[] planeSize(RandomAccessibleInterval<?> image) {
		int nd = image.numDimensions();
		for (int d = 2; d < nd; d++)
			if (image.dimension(d) != 1) throw new InputException("the image has " + image.dimension(d) +
				" planes along axis " + d + "; choose a single 2-D plane (Image › Duplicate… one slice)");
		if (nd < 2) throw new InputException("the image has " + nd + " dimension(s); a 2-D image is needed");
		long w = image.dimension(0), h = image.dimension(1);
		if (w * h > Integer.MAX_VALUE) throw new InputException("the image of " + w + " x " + h + " px is too large");
		return new int[] { (int) w, (int) h };
	}

	/**
	 * Copies a 2-D image into a row-major float array ({@code y * width + x}), refusing NaN or infinite pixels.
	 */
	public static float[] toFloatArray(RandomAccessibleInterval<? extends RealType<?>> image) {
		int[] size = planeSize(image);
		float[] out = new float[size[0] * size[1]];
		Cursor<? extends RealType<?>> c = Views.flatIterable(Views.zeroMin(image)).cursor();
		for (int i = 0; i < out.length; i++) {
			float v = c.next().getRealFloat();
			if (!Float.isFinite(v)) {
				throw new InputException("pixel (" + (i % size[0]) + ", " + (i / size[0]) + ") is " + v +
					"; replace NaN and infinite pixels (e.g. Process › Math › Remove NaNs…) first");
			}
			out[i] = v;
		}
		return out;
	}

	/** Wraps a row-major array as an image without copying; dims are {width, height, ...}. */
	public static ArrayImg<FloatType, FloatArray> wrap(float[] data, long... dims) {
		long n = 1;
		for (long d : dims) n *= d;
		if (n != data.length) throw new IllegalArgumentException(data.length + " values do not fill " + n + " pixels");
		return ArrayImgs.floats(data, dims);
	}

	/** The backing array of an image made by {@link #wrap} or {@code ArrayImgs.floats}. */
	public static float[] data(ArrayImg<FloatType, FloatArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	/** The values rescaled to [0, 1] by their minimum and maximum, in double; a constant array becomes all zero. */
	public static double[] minMaxScaled(float[] values) {
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : values) {
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
		double range = (double) hi - lo;
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = range > 0 ? (values[i] - (double) lo) / range : 0;
		return out;
	}

	public static double[] toDouble(float[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = values[i];
		return out;
	}
}
