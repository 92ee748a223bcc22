package org.stemdiscovery.experiment;

import java.util.List;

/**
 * The instrument as the measurement-driven experiment sees it: a field of view that can be surveyed whole and
 * measured in patches. Everything the engine knows of the specimen comes through these two calls, so a real
 * microscope, the {@link DigitalTwin} and a replay of recorded frames are interchangeable.
 */
public interface Microscope {

	/** Width of the field of view in scan pixels. */
	int width();

	/** Height of the field of view in scan pixels. */
	int height();

	/** Pixel size in nm; NaN when unknown. */
	double pixelSizeNm();

	/** Electrons delivered per pixel per µs of dwell (the beam current): dose = this × dwell. */
	double electronsPerMicrosecond();

	/** Scans the whole field once at {@code dwellUs} per pixel. */
	default Frame survey(double dwellUs) {
		return survey(dwellUs, 1);
	}

	/**
	 * Scans the whole field once at {@code dwellUs} per position, at every {@code binning}-th pixel in x and y (a
	 * coarser pixel size: {@link Frame#position}).
	 */
	Frame survey(double dwellUs, int binning);

	/** Scans the patches in the order given (the engine has ordered them for a short beam path). */
	List<Measurement> acquire(List<PatchRequest> requests);

	/** Instrument time since the session began, in seconds (scans, moves, settling, flyback). */
	double elapsedSeconds();
}
