package org.stemdiscovery.io;

import java.util.Map;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.stemdiscovery.image.Images;

/**
 * A grey-level TIFF as 32-bit floats: {@code planes} planes of {@code width × height}, plane after plane,
 * row-major, plus the ImageJ "Info" key/value pairs it carried (empty if none).
 */
public record TiffImage(float[] pixels, int width, int height, int planes, Map<String, String> info) {

	public TiffImage {
		if ((long) width * height * planes != pixels.length)
			throw new IllegalArgumentException(pixels.length + " values for " + width + " x " + height + " x " + planes);
		info = Map.copyOf(info);
	}

	/** The pixels as an ImgLib2 image of dims {width, height} or {width, height, planes}; not a copy. */
	public ArrayImg<FloatType, FloatArray> img() {
		return planes == 1 ? Images.wrap(pixels, width, height) : Images.wrap(pixels, width, height, planes);
	}
}
