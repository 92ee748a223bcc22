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

	/**
	 * The record of a session's run so far: what any door that drove it (the digital twin's experiment, the
	 * microscope link) reports. Points come from the steps, in beam order.
	 *
	 * @param dosePerPixel electrons per pixel of a measurement, for the full raster it is compared with
	 * @param mosaic       the measured patches on the frame; null when the door kept none (the microscope link)
	 * @param found        features found after each measurement; null without ground truth (so the baselines)
	 */
	public static ExperimentRun of(ExperimentSession session, double dosePerPixel, float[] mosaic, int[] found,
		int[] randomFound, int[] rasterFound, int features) {
		ExperimentSettings s = session.settings();
		int w = session.width(), h = session.height();
		Frame survey = session.survey();
		float[] perElectron = survey.onField(w, h); // the report shows the survey on the field's pixels
		for (int i = 0; i < perElectron.length; i++)
			perElectron[i] = (float) (perElectron[i] / survey.dosePerPixel());
		List<ExperimentStep> steps = session.steps();
		List<double[]> points = new java.util.ArrayList<>();
		for (ExperimentStep step : steps)
			for (int i = 0; i < step.ids().length; i++)
				points.add(new double[] { step.ids()[i], step.step(), step.x()[i], step.y()[i], step.values()[i] });
		SurveyFit fit = session.surveyFit();
		return new ExperimentRun(s, w, h, session.pixelSizeNm(), perElectron, survey.electrons(), fit.model().names(),
			session.target(), session.candidates(), fit.map(session.target()), steps, List.copyOf(points), found,
			randomFound, rasterFound, features, Baselines.fullRasterElectrons(w, h, dosePerPixel), s.timing().rasterSeconds(
				w, h, s.dwellUs()), session.dose(), mosaic, fit.model().details());
	}

	/** Measurements so far (0 before the first batch came back). */
	public int measurements() {
		return steps.isEmpty() ? 0 : last().measurements();
	}

	/** Electrons delivered so far, survey included. */
	public double electrons() {
		return steps.isEmpty() ? surveyElectrons : last().electrons();
	}

	/** Instrument clock at the last measurement (0 before the first batch came back). */
	public double instrumentSeconds() {
		return steps.isEmpty() ? 0 : last().instrumentSeconds();
	}

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
