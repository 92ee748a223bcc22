package org.stemdiscovery.bo;

import org.stemdiscovery.image.InputException;

/** How long a simulated measurement takes: travel at a fixed speed, settle after a move, dwell on the point. */
public record TimeModel(double dwellSeconds, double speedPxPerSecond, double settleSeconds) {

	public TimeModel {
		if (!(dwellSeconds >= 0) || !(settleSeconds >= 0) || !(speedPxPerSecond > 0))
			throw new InputException("time model needs dwell ≥ 0, settle ≥ 0 and speed > 0 px/s; got dwell " +
				dwellSeconds + ", speed " + speedPxPerSecond + ", settle " + settleSeconds);
	}

	/** 10 ms dwell, 1000 px/s, 1 ms settle. */
	public static TimeModel defaults() {
		return new TimeModel(0.01, 1000, 0.001);
	}

	public double seconds(double distancePx) {
		return distancePx / speedPxPerSecond + (distancePx > 0 ? settleSeconds : 0) + dwellSeconds;
	}
}
