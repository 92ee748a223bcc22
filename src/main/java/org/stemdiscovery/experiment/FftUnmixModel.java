package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.Projection;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.Progress;

/**
 * Workflow 1 at a microscope: the sliding FFT of the survey (one window per candidate, the window being the
 * patch), unmixed by NMF, SVD or N-FINDR; a measured patch is Fourier-transformed the same way and projected
 * onto the fitted components. The survey's own map is that same projection of each survey window, so a
 * patch identical to a survey window gets exactly the survey's value there.
 *
 * <p>The image scaling that the sliding FFT does per image (min–max to [0, 1]) is fixed here from the survey and
 * applied to every patch: scaling each patch by its own range would change its spectrum's height.
 */
public final class FftUnmixModel implements PatchModel {

	private final SlidingFftSettings fft;
	private final Projection projection;
	private final double offset, scale;
	private final List<String> names;
	private final Map<String, Object> details;

	private FftUnmixModel(SlidingFftSettings fft, Projection projection, double offset, double scale, List<String> names,
		Map<String, Object> details) {
		this.fft = fft;
		this.projection = projection;
		this.offset = offset;
		this.scale = scale;
		this.names = List.copyOf(names);
		this.details = Map.copyOf(details);
	}

	/**
	 * @param fft    FFT settings; window and step are taken from the candidate grid, and the image scaling from
	 *               the survey
	 * @param method nmf, svd or nfindr
	 */
	public static ModelFitter fitter(SlidingFftSettings fft, String method, int k, long seed, int maxIter, int threads) {
		Unmixer.of(method, k, seed, maxIter, threads); // checks the method name before the survey is taken
		return (survey, width, height, candidates, progress) -> {
			float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
			for (float v : survey) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			double offset = lo, scale = hi > lo ? 1.0 / (hi - lo) : 1;
			SlidingFftSettings s = new SlidingFftSettings(candidates.window(), candidates.step(), fft.taper(), fft
				.removeMean(), fft.log(), fft.shift(), fft.zoom(), false);
			progress.report(0, "sliding FFT of the survey");
			FftStack stack = new SlidingFft(s, threads).compute(Images.wrap(scaled(survey, offset, scale), width, height),
				progress);
			progress.report(0.3, method + " with k = " + k + " on " + stack.size() + " survey windows");
			Decomposition d = Unmixer.of(method, k, seed, maxIter, threads).unmix(Samples.of(stack), progress);
			List<String> names = new ArrayList<>();
			for (int t = 1; t <= d.k(); t++)
				names.add(method.toUpperCase(Locale.ROOT) + " component " + t);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("method", method);
			details.put("components", d.k());
			details.put("relativeError", d.relativeError());
			details.put("iterations", d.iterations());
			details.put("surveyWindows", stack.size());
			FftUnmixModel model = new FftUnmixModel(s, new Projection(d), offset, scale, names, details);
			return new SurveyFit(model, model.project(stack, candidates), candidates);
		};
	}

	private float[] project(FftStack stack, Grid candidates) {
		int n = stack.size(), k = projection.k(), d = projection.d();
		float[] data = stack.data(), frame = new float[d], maps = new float[k * n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(data, i * d, frame, 0, d);
			double[] a = projection.abundances(frame);
			for (int t = 0; t < k; t++)
				maps[t * n + i] = (float) a[t];
		}
		return maps;
	}

	private static float[] scaled(float[] pixels, double offset, double scale) {
		float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) ((pixels[i] - offset) * scale);
		return out;
	}

	@Override
	public List<String> names() {
		return names;
	}

	@Override
	public int patch() {
		return fft.window();
	}

	@Override
	public float[] encode(float[] patch) {
		int w = fft.window();
		FftStack one = new SlidingFft(fft, 1).compute(Images.wrap(scaled(patch, offset, scale), w, w), Progress.NONE);
		double[] a = projection.abundances(one.data());
		float[] out = new float[a.length];
		for (int t = 0; t < a.length; t++)
			out[t] = (float) a[t];
		return out;
	}

	@Override
	public Map<String, Object> details() {
		return details;
	}
}
