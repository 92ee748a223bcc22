package org.stemdiscovery.bo;

/**
 * Where the experiment sends the beam: a real instrument later, a {@link SimulatedMicroscope} now. Pixel
 * coordinates: x = column, y = row.
 */
public interface Microscope {

	int width();

	int height();

	/** Moves the beam to the pixel and returns the measured value there. */
	double measure(int x, int y);

	/** Instrument time spent so far (moves, settling, dwell), in seconds. */
	double elapsedSeconds();

	/** Current beam position. */
	double beamX();

	double beamY();
}
