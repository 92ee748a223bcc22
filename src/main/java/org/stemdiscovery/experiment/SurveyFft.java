package org.stemdiscovery.experiment;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.Progress;

/**
 * The local FFT that workflows 1 and 2 apply alike to the survey's windows and to each measured patch: the
 * window is the patch and the step the candidate spacing, and the image scaling the sliding FFT does per image
 * (min–max to [0, 1]) is fixed from the survey and applied to every patch, since scaling each patch by its own
 * range would change its spectrum's height. One path for both, so a patch identical to a survey window gets
 * exactly that window's frame.
 */
final class SurveyFft {

	private final SlidingFftSettings settings;
	private final double offset, scale;

	/** @param fft the user's FFT settings; window, step and scaling are replaced as said above */
	SurveyFft(SlidingFftSettings fft, Grid candidates, float[] survey) {
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : survey) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		this.offset = lo;
		this.scale = hi > lo ? 1.0 / (hi - lo) : 1;
		this.settings = new SlidingFftSettings(candidates.window(), candidates.step(), fft.taper(), fft.removeMean(), fft
			.log(), fft.shift(), fft.zoom(), false);
	}

	SlidingFftSettings settings() {
		return settings;
	}

	/** Side of a frame (the FFT of one window, cropped by the zoom). */
	int frameSize() {
		return settings.frameSize();
	}

	/** The frames of every candidate window of the survey. */
	FftStack survey(float[] survey, int width, int height, int threads, Progress progress) {
		return new SlidingFft(settings, threads).compute(Images.wrap(scaled(survey), width, height), progress);
	}

	/** The frame of one measured patch. */
	float[] frame(float[] patch) {
		int w = settings.window();
		return new SlidingFft(settings, 1).compute(Images.wrap(scaled(patch), w, w), Progress.NONE).data();
	}

	private float[] scaled(float[] pixels) {
		float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) ((pixels[i] - offset) * scale);
		return out;
	}
}
