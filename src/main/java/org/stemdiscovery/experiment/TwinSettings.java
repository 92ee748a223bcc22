package org.stemdiscovery.experiment;

import org.stemdiscovery.image.InputException;

/**
 * How the {@link DigitalTwin} images its specimen.
 *
 * @param currentPa     beam current; dose per pixel = current × dwell / e (6.24 electrons per pA·µs)
 * @param detectorYield share of the incident electrons the detector counts at the specimen's brightest pixel
 *                      (the darkest counts none): expected counts = dose × yield × (s − min) / (max − min)
 * @param readNoise     standard deviation of Gaussian detector noise added to every pixel, in counts
 * @param probeSigmaPx  Gaussian probe blur in px (0 = the specimen as given)
 * @param driftPxPerS   slow specimen drift along x and y, px per second of instrument time (0 = none)
 * @param noiseFree     return the expected counts instead of Poisson samples (for consistency checks)
 * @param timing        how long scanning takes
 */
public record TwinSettings(double currentPa, double detectorYield, double readNoise, double probeSigmaPx,
	double driftPxPerS, boolean noiseFree, ScanTiming timing) {

	/** Electrons per pA·µs: 10⁻¹² A × 10⁻⁶ s / 1.602176634 × 10⁻¹⁹ C. */
	public static final double ELECTRONS_PER_PA_US = 1e-18 / 1.602176634e-19;

	public TwinSettings {
		if (!(currentPa > 0) || Double.isInfinite(currentPa)) throw new InputException("beam current " + currentPa +
			" pA must be positive, e.g. 20");
		if (!(detectorYield > 0) || detectorYield > 1) throw new InputException("detector yield " + detectorYield +
			" must be in (0, 1], e.g. 0.1");
		if (!(readNoise >= 0) || Double.isInfinite(readNoise)) throw new InputException("read noise " + readNoise +
			" counts must be ≥ 0");
		if (!(probeSigmaPx >= 0) || probeSigmaPx > 50) throw new InputException("probe blur " + probeSigmaPx +
			" px must be between 0 and 50");
		if (!(driftPxPerS >= 0) || Double.isInfinite(driftPxPerS)) throw new InputException("drift " + driftPxPerS +
			" px/s must be ≥ 0");
	}

	/** 20 pA, 10 % yield, no read noise, no blur, no drift, Poisson counts, default timing. */
	public static TwinSettings defaults() {
		return new TwinSettings(20, 0.1, 0, 0, 0, false, ScanTiming.defaults());
	}

	public TwinSettings withNoiseFree(boolean free) {
		return new TwinSettings(currentPa, detectorYield, readNoise, probeSigmaPx, driftPxPerS, free, timing);
	}

	public double electronsPerMicrosecond() {
		return currentPa * ELECTRONS_PER_PA_US;
	}
}
