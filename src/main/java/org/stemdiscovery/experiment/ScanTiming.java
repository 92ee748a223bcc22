package org.stemdiscovery.experiment;

import org.stemdiscovery.image.InputException;

/**
 * How long scanning takes: dwell × pixels, a flyback at the end of every scan line, and for a patch the move
 * from where the beam was (at {@code travelPxPerSecond}) plus a settle time before the first pixel.
 * A full raster of a 512 × 512 frame at 10 µs: 2.62 s of dwell plus 512 flybacks.
 *
 * @param flybackUs         time of one line flyback in µs
 * @param travelPxPerSecond beam move speed between patches, in px per second
 * @param settleSeconds     wait after a move before scanning
 */
public record ScanTiming(double flybackUs, double travelPxPerSecond, double settleSeconds) {

	public ScanTiming {
		if (!(flybackUs >= 0) || !(settleSeconds >= 0) || !(travelPxPerSecond > 0) || Double.isInfinite(flybackUs) ||
			Double.isInfinite(settleSeconds))
			throw new InputException("scan timing needs flyback ≥ 0 µs, settle ≥ 0 s and travel speed > 0 px/s; got " +
				flybackUs + " µs, " + settleSeconds + " s, " + travelPxPerSecond + " px/s");
	}

	/** 100 µs flyback, 10⁶ px/s moves, 1 ms settle (a scan coil moves across a frame in well under a ms). */
	public static ScanTiming defaults() {
		return new ScanTiming(100, 1e6, 1e-3);
	}

	/** Seconds to raster {@code width × height} pixels at {@code dwellUs}, flybacks included. */
	public double rasterSeconds(int width, int height, double dwellUs) {
		return (width * (double) height * dwellUs + height * flybackUs) * 1e-6;
	}

	/** Seconds to move {@code distancePx} and raster a {@code size × size} patch there. */
	public double patchSeconds(double distancePx, int size, double dwellUs) {
		return distancePx / travelPxPerSecond + settleSeconds + rasterSeconds(size, size, dwellUs);
	}
}
