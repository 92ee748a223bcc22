package org.stemdiscovery.experiment;

/**
 * What the microscope returns for one {@link PatchRequest}: the scanned patch where the beam actually went.
 *
 * @param id           the request's id
 * @param left         first pixel column actually scanned (the request's, unless the instrument moved it)
 * @param top          first pixel row actually scanned
 * @param size         side of the square patch in px
 * @param pixels       {@code size × size} detector values, row-major (counts for the digital twin)
 * @param dosePerPixel electrons delivered to each pixel of the patch
 * @param seconds      instrument clock when the patch was finished, in seconds since the session began
 */
public record Measurement(int id, int left, int top, int size, float[] pixels, double dosePerPixel, double seconds) {

	public Measurement {
		if (size < 1 || pixels.length != size * size) throw new IllegalArgumentException("a " + size + " px patch needs " +
			size * size + " values, not " + pixels.length);
	}

	/** Centre x in image pixels. */
	public double x() {
		return left + (size - 1) / 2.0;
	}

	/** Centre y in image pixels. */
	public double y() {
		return top + (size - 1) / 2.0;
	}

	/** Electrons delivered to the whole patch. */
	public double electrons() {
		return dosePerPixel * size * size;
	}
}
