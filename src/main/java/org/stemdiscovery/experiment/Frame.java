package org.stemdiscovery.experiment;

/**
 * A full-field scan (the survey): {@code width × height} detector values over the whole field of view.
 *
 * @param pixelSizeNm  pixel size in nm, NaN when the instrument does not say
 * @param dosePerPixel electrons delivered to each pixel
 * @param seconds      instrument clock when the frame was finished, in seconds since the session began
 */
public record Frame(float[] pixels, int width, int height, double pixelSizeNm, double dosePerPixel, double seconds) {

	public Frame {
		if (width < 1 || height < 1 || pixels.length != width * height)
			throw new IllegalArgumentException("a " + width + " × " + height + " frame needs " + width * height +
				" values, not " + pixels.length);
	}

	/** Electrons delivered to the whole frame. */
	public double electrons() {
		return dosePerPixel * width * height;
	}
}
