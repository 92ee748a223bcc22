package org.stemdiscovery.experiment;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.InputException;

/**
 * What decides a measurement-driven experiment besides the workflow's model.
 *
 * @param patch          side of each measured patch in px (for workflows 1 and 2 also the FFT window)
 * @param spacing        distance between candidate patch centres in px
 * @param dwellUs        dwell per pixel of a measurement, µs
 * @param surveyFraction survey dose as a share of the measurement dose (its dwell is this × {@code dwellUs})
 * @param budget         measurements in all (the last batch may be smaller)
 * @param map            the model's value to steer by, 1-based; 0 chooses automatically from the survey
 * @param prior          use the survey's map as the GP's prior mean (the GP then learns what the measurements
 *                       add to it); off = the GP starts from the measurements alone, as in the paper
 * @param bo             kernel, length scale (px), acquisition, goal, batch, batch mode, path, seed, threads; its
 *                       steps, threshold and discovery radius are not used here
 * @param timing         the timing the baselines are costed with (the instrument reports its own clock)
 * @param surveyBinning  the survey's pixel size in field pixels (1 = the field's own; 4 = one position per 4 × 4
 *                       block, 16 times fewer electrons for the same dwell)
 */
public record ExperimentSettings(int patch, int spacing, double dwellUs, double surveyFraction, int budget, int map,
	boolean prior, BoSettings bo, ScanTiming timing, int surveyBinning) {

	/** A survey at the field's own pixel size. */
	public ExperimentSettings(int patch, int spacing, double dwellUs, double surveyFraction, int budget, int map,
		boolean prior, BoSettings bo, ScanTiming timing) {
		this(patch, spacing, dwellUs, surveyFraction, budget, map, prior, bo, timing, 1);
	}

	public ExperimentSettings {
		if (patch < 4) throw new InputException("patch " + patch + " px is too small; choose at least 4 px (e.g. 32)");
		if (spacing < 1) throw new InputException("candidate spacing " + spacing + " px must be at least 1 px");
		if (!(dwellUs > 0) || dwellUs > 1e6) throw new InputException("dwell " + dwellUs +
			" µs must be positive and at most 1 s; e.g. 10");
		if (!(surveyFraction > 0) || surveyFraction > 1) throw new InputException("survey dose " + surveyFraction +
			" must be a share of the measurement dose in (0, 1]; e.g. 0.05");
		if (budget < 1) throw new InputException("budget " + budget + " must be at least 1 measurement");
		if (map < 0) throw new InputException("map " + map + " must be 0 (automatic) or a map number from 1");
		if (surveyBinning < 1 || surveyBinning > 64) throw new InputException("survey binning " + surveyBinning +
			" must be between 1 (the field's pixel size) and 64");
	}

	/** Patches of 32 px every 8 px at 10 µs, a 5 % survey, 100 measurements, automatic map, survey prior. */
	public static ExperimentSettings defaults() {
		return new ExperimentSettings(32, 8, 10, 0.05, 100, 0, true, BoSettings.defaults().withKernel("matern52", 32, true),
			ScanTiming.defaults());
	}

	/** Dwell of the survey, µs per pixel. */
	public double surveyDwellUs() {
		return dwellUs * surveyFraction;
	}

	/** Checks the settings against the field of view before anything is scanned. */
	public void checkField(int width, int height) {
		if (surveyBinning * 2 > Math.min(width, height)) throw new InputException("survey binning " + surveyBinning +
			" leaves fewer than 2 survey pixels across the " + width + " × " + height + " px field; choose at most " +
			Math.min(width, height) / 2);
		if (patch > width || patch > height) throw new InputException("patch " + patch + " px is larger than the " +
			width + " × " + height + " px field; choose at most " + Math.min(width, height) + " px");
		int cols = (width - patch) / spacing + 1, rows = (height - patch) / spacing + 1;
		long candidates = (long) cols * rows;
		if (budget > candidates) throw new InputException("budget " + budget + " is more than the " + candidates +
			" candidate patches (" + patch + " px every " + spacing + " px); choose a budget of at most " + candidates +
			" or a smaller spacing");
	}
}
