package org.stemdiscovery.experiment;

import java.util.List;

import org.stemdiscovery.image.Grid;

/**
 * A finished (or cancelled) measurement-driven experiment and how it compares with the baselines of the same
 * budget.
 *
 * @param survey         the survey as the session saw it, in signal per electron
 * @param names          the model's values; {@code target} (0-based) is the one steered by
 * @param surveyMap      the survey's map of the target on the candidate grid
 * @param points         every measurement in order: id, step, x px, y px, value
 * @param found          features found after each measurement (null without ground truth)
 * @param randomFound    the same for random patches with the same budget (null without ground truth)
 * @param rasterFound    the same for a serpentine raster of patches (null without ground truth)
 * @param features       features in the ground truth (0 without)
 * @param rasterElectrons electrons of a full raster of the frame at the measurement dose
 * @param rasterSeconds  its time
 * @param dose           electrons delivered per pixel, survey and measurements
 * @param mosaic         the measured patches placed on the frame, in signal per electron (NaN where nothing was measured)
 */
public record ExperimentRun(ExperimentSettings settings, int width, int height, double pixelSizeNm, float[] survey,
	double surveyElectrons, List<String> names, int target, Grid candidates, float[] surveyMap,
	List<ExperimentStep> steps, List<double[]> points, int[] found, int[] randomFound, int[] rasterFound, int features,
	double rasterElectrons, double rasterSeconds, DoseMap dose, float[] mosaic, java.util.Map<String, Object> modelDetails) {

	public static final List<String> POINT_COLUMNS = List.of("id", "step", "x_px", "y_px", "value");

	public ExperimentStep last() {
		return steps.get(steps.size() - 1);
	}

	/** Measurements until {@code share} of the features were found; -1 if never. */
	public int measurementsToFind(double share) {
		return firstReaching(found, share);
	}

	public int randomToFind(double share) {
		return firstReaching(randomFound, share);
	}

	public int rasterToFind(double share) {
		return firstReaching(rasterFound, share);
	}

	private int firstReaching(int[] curve, double share) {
		if (curve == null) return -1;
		for (int k = 0; k < curve.length; k++)
			if (curve[k] >= Math.ceil(share * features - 1e-9)) return k + 1;
		return -1;
	}

	/** Electrons delivered until the k-th measurement (1-based), survey included. */
	public double electronsAfter(int measurements) {
		double perPatch = settings.patch() * (double) settings.patch() * dosePerPixel();
		return surveyElectrons + measurements * perPatch;
	}

	/** Dose per pixel of a measurement. */
	public double dosePerPixel() {
		return rasterElectrons / ((double) width * height);
	}
}
