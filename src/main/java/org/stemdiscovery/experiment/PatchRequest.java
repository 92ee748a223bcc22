package org.stemdiscovery.experiment;

import org.stemdiscovery.image.InputException;

/**
 * One measurement the engine asks for: a square sub-scan of {@code size × size} pixels centred on {@code (x, y)}
 * (image pixels of the field of view, x = column, y = row, origin at the centre of pixel (0, 0)), scanned at
 * {@code dwellUs} per pixel.
 *
 * @param id the engine's number for the point; the measurement that answers it carries the same id
 */
public record PatchRequest(int id, double x, double y, int size, double dwellUs) {

	public PatchRequest {
		if (size < 1) throw new InputException("patch " + size + " px must be at least 1 px");
		if (!(dwellUs > 0) || Double.isInfinite(dwellUs)) throw new InputException("dwell " + dwellUs +
			" µs must be positive");
		if (!Double.isFinite(x) || !Double.isFinite(y)) throw new InputException("patch position (" + x + ", " + y +
			") is not a number");
	}

	/** First pixel column of the patch: the centre convention of {@link org.stemdiscovery.image.Grid}. */
	public int left() {
		return (int) Math.round(x - (size - 1) / 2.0);
	}

	/** First pixel row of the patch. */
	public int top() {
		return (int) Math.round(y - (size - 1) / 2.0);
	}

	/** The patch lies fully inside a {@code width × height} field. */
	public boolean fits(int width, int height) {
		return left() >= 0 && top() >= 0 && left() + size <= width && top() + size <= height;
	}
}
