package org.stemdiscovery.command;

/**
 * The physical size of a pixel (ImageJ's calibration, a microscope's field of view over its pixels): what a
 * door passes in so that tables can give positions in nm as well as pixels.
 *
 * @param xOrigin,yOrigin the calibrated origin in pixels, as ImageJ's {@code Calibration}
 */
public record Scale(double pixelWidth, double pixelHeight, String unit, double xOrigin, double yOrigin) {

	public static final Scale NONE = new Scale(1, 1, "pixel", 0, 0);

	public boolean calibrated() {
		return !(pixelWidth == 1 && pixelHeight == 1) || !(unit.equals("pixel") || unit.equals("pixels") || unit
			.isEmpty());
	}

	public double x(double px) {
		return (px - xOrigin) * pixelWidth;
	}

	public double y(double px) {
		return (px - yOrigin) * pixelHeight;
	}
}
