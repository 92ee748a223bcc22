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
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;

/**
 * Workflow 1 at a microscope: the sliding FFT of the survey (one window per candidate, the window being the
 * patch), unmixed by NMF, SVD or N-FINDR; a measured patch is Fourier-transformed the same way and projected
 * onto the fitted components. The survey's own map is that same projection of each survey window, so a
 * patch identical to a survey window gets exactly the survey's value there.
 *
 * <p>The survey and the patches share one {@link SurveyFft} (the survey's image scaling for every patch).
 */
public final class FftUnmixModel implements PatchModel {

	private final SurveyFft fft;
	private final Projection projection;
	private final List<String> names;
	private final Map<String, Object> details;

	private FftUnmixModel(SurveyFft fft, Projection projection, List<String> names, Map<String, Object> details) {
		this.fft = fft;
		this.projection = projection;
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
			SurveyFft s = new SurveyFft(fft, candidates, survey);
			progress.report(0, "sliding FFT of the survey");
			FftStack stack = s.survey(survey, width, height, threads, progress);
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
			FftUnmixModel model = new FftUnmixModel(s, new Projection(d), names, details);
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

	@Override
	public List<String> names() {
		return names;
	}

	@Override
	public int patch() {
		return fft.settings().window();
	}

	@Override
	public float[] encode(float[] patch) {
		double[] a = projection.abundances(fft.frame(patch));
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
