package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.workflow.RvaeEncoding;

/**
 * Workflow 2 at a microscope: the sliding FFT of the survey (one window per candidate, the window being the
 * patch) trains an rVAE; a measured patch is Fourier-transformed the same way and encoded, its value being the
 * latent means ("latent angle", "latent dx", "latent dy", "latent z1", …). The survey's map is that same encoding of
 * each survey window, so a patch identical to a survey window gets exactly the survey's value there. The offline
 * workflow's boundary maps need neighbouring windows, which a single patch has not, so they are left out.
 *
 * <p>As in {@link FftUnmixModel}, the survey and the patches share one {@link SurveyFft}. With survey training off the maps are NaN (no prior) and the rVAE first learns from the first
 * batch ({@link OnlineTraining}); the freshly initialised, seeded rVAE's values of that batch never steer: the
 * first batch is chosen without values, and the model trains before the GP first sees them.
 */
public final class FftRvaeModel implements PatchModel {

	private final SurveyFft fft;
	private final OnlineRvae rvae;
	private final int surveyWindows;

	private FftRvaeModel(SurveyFft fft, OnlineRvae rvae, int surveyWindows) {
		this.fft = fft;
		this.rvae = rvae;
		this.surveyWindows = surveyWindows;
	}

	/**
	 * @param fft     FFT settings; window and step are taken from the candidate grid, the image scaling from the survey
	 * @param threads threads of the survey's sliding FFT (PyTorch's come from {@link org.stemdiscovery.torch.TorchEngine})
	 */
	public static ModelFitter fitter(SlidingFftSettings fft, RvaeEncoding rvae, OnlineTraining online, int threads) {
		return (survey, width, height, candidates, progress) -> {
			SurveyFft s = new SurveyFft(fft, candidates, survey);
			OnlineRvae net = new OnlineRvae(s.frameSize(), rvae, online);
			try {
				if (!online.surveyTraining()) {
					FftRvaeModel model = new FftRvaeModel(s, net, 0);
					float[] none = new float[model.names().size() * candidates.size()];
					Arrays.fill(none, Float.NaN);
					return new SurveyFit(model, none, candidates);
				}
				progress.report(0, "sliding FFT of the survey");
				FftStack stack = s.survey(survey, width, height, threads, progress);
				if (stack.size() != candidates.size()) throw new IllegalStateException(stack.size() + " FFT windows for " +
					candidates.size() + " candidates");
				progress.report(0.1, "training the rVAE on " + stack.size() + " survey FFTs");
				int f = stack.frameSize();
				net.trainOnSurvey(new PatchStack(stack.data(), f, f, stack.size()), progress);
				FftRvaeModel model = new FftRvaeModel(s, net, stack.size());
				return new SurveyFit(model, model.encodeFrames(stack, candidates), candidates);
			}
			catch (RuntimeException e) {
				net.close();
				throw e;
			}
		};
	}

	private float[] encodeFrames(FftStack stack, Grid candidates) {
		int n = stack.size(), k = rvae.names().size(), d = stack.frameSize() * stack.frameSize();
		float[] data = stack.data(), maps = new float[k * n];
		for (int i = 0; i < n; i++) {
			double[] a = rvae.encode(Arrays.copyOfRange(data, i * d, (i + 1) * d));
			for (int t = 0; t < k; t++)
				maps[t * n + i] = (float) a[t];
		}
		return maps;
	}

	private float[] frame(float[] patch) {
		return fft.frame(patch);
	}

	@Override
	public List<String> names() {
		return rvae.names();
	}

	@Override
	public int defaultTarget() {
		return names().indexOf("latent z1");
	}

	@Override
	public int patch() {
		return fft.settings().window();
	}

	@Override
	public float[] encode(float[] patch) {
		double[] a = rvae.encode(frame(patch));
		float[] out = new float[a.length];
		for (int t = 0; t < a.length; t++)
			out[t] = (float) a[t];
		return out;
	}

	@Override
	public boolean learn(List<float[]> patches, Progress progress) {
		return rvae.learnIfDue(() -> {
			int f = fft.frameSize();
			List<float[]> frames = new ArrayList<>(patches.size());
			for (float[] p : patches)
				frames.add(frame(p));
			return PatchStack.of(frames, f, f);
		}, progress);
	}

	/** Seconds spent training the rVAE so far (survey and discovery). */
	public double trainingSeconds() {
		return rvae.trainingSeconds();
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("method", "fft + rvae");
		d.put("surveyWindows", surveyWindows);
		d.putAll(rvae.details());
		return d;
	}

	@Override
	public void close() {
		rvae.close();
	}
}
