package org.stemdiscovery.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentSettings;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.experiment.MeasuredExperiment;
import org.stemdiscovery.experiment.ModelFitter;
import org.stemdiscovery.experiment.ModelSettings;
import org.stemdiscovery.experiment.OnlineTraining;
import org.stemdiscovery.experiment.PatchModel;
import org.stemdiscovery.experiment.PatchModels;
import org.stemdiscovery.experiment.ScanTiming;
import org.stemdiscovery.experiment.SurveyFit;
import org.stemdiscovery.experiment.TwinSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.SyntheticImage;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.DescriptorSettings;
import org.stemdiscovery.workflow.RvaeEncoding;

/**
 * Issue 12: workflow 2's rVAE trained on the survey against the rVAE trained during discovery (the paper's
 * approach), on the same digital twin of a domain wall and the same seeds: wall pixels found against
 * measurements, encode time per patch (re-encodes after learning included) and training seconds.
 * Usage: {@code scripts/bench OnlineRvae [side] [budget]} (defaults 256 px, 100 measurements).
 */
public final class OnlineRvaeBench {

	private OnlineRvaeBench() {}

	/** Times a model's encode and learn calls; the session sees the model it wraps. */
	private static final class Timed implements PatchModel {
		private final PatchModel m;
		long encodeNanos, learnNanos;
		int encodes;

		Timed(PatchModel m) {
			this.m = m;
		}

		@Override
		public List<String> names() {
			return m.names();
		}

		@Override
		public int defaultTarget() {
			return m.defaultTarget();
		}

		@Override
		public int patch() {
			return m.patch();
		}

		@Override
		public float[] encode(float[] patch) {
			long t0 = System.nanoTime();
			float[] v = m.encode(patch);
			encodeNanos += System.nanoTime() - t0;
			encodes++;
			return v;
		}

		@Override
		public boolean learn(List<float[]> patches, Progress progress) {
			long t0 = System.nanoTime();
			boolean b = m.learn(patches, progress);
			learnNanos += System.nanoTime() - t0;
			return b;
		}

		@Override
		public Map<String, Object> details() {
			return m.details();
		}

		@Override
		public void close() {
			m.close();
		}
	}

	public static void main(String[] args) {
		System.setProperty("ai.djl.pytorch.num_threads", "1");
		int side = args.length > 0 ? Integer.parseInt(args[0]) : 256, budget = args.length > 1 ? Integer.parseInt(
			args[1]) : 100;
		SyntheticImage img = DomainWallScene.defaults().generate(side, side, 1);
		boolean[] mask = new boolean[img.mask().length];
		for (int i = 0; i < mask.length; i++)
			mask[i] = img.mask()[i] != 0;
		Features truth = Features.mask(mask, side, side);
		ExperimentSettings settings = new ExperimentSettings(32, 8, 10, 0.05, budget, 0, true, BoSettings.defaults()
			.withKernel("matern52", 32, true).withBatch(10, 1, 1).withSeed(1).withThreads(2), ScanTiming.defaults());
		RvaeEncoding rvae = new RvaeEncoding(2, 128, RvaeTraining.defaults().withEpochs(10).withBatchSize(50)
			.withLearningRate(3e-3).withSeed(1));
		DescriptorSettings d = new DescriptorSettings(SlidingFftSettings.of(32, 8), "nmf", 2, 500, 1, rvae, "dcnn", 16, 4,
			2);
		System.out.printf(Locale.ROOT, "DomainWallScene %d px (seed 1), Poisson twin (seed 7), patch 32 px every 8 px, " +
			"budget %d in batches of 10, survey at 5 %% of the dose; rVAE 2 latents, 128 hidden, 1 PyTorch thread%n%n",
			side, budget);
		System.out.println("| rVAE trained | target | found after 10 | 25 | 50 | 100 | measurements to 50 % | " +
			"encode ms/patch (calls) | training s (survey + discovery) | run s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		ExperimentRun last = null;
		for (OnlineTraining online : List.of(new OnlineTraining(true, 0, 10), OnlineTraining.duringDiscovery(1, 10),
			new OnlineTraining(true, 2, 5))) {
			DigitalTwin twin = new DigitalTwin(img.clean(), side, side, 0.1, TwinSettings.defaults(), 7);
			ModelFitter inner = PatchModels.fitter("2", new ModelSettings(d, online));
			Timed[] timed = new Timed[1];
			double[] fitSeconds = new double[1];
			ModelFitter fitter = (survey, w, h, candidates, progress) -> {
				long t0 = System.nanoTime();
				SurveyFit f = inner.fit(survey, w, h, candidates, progress);
				fitSeconds[0] = (System.nanoTime() - t0) * 1e-9;
				timed[0] = new Timed(f.model());
				return new SurveyFit(timed[0], f.maps(), f.candidates());
			};
			long t0 = System.nanoTime();
			ExperimentRun run = new MeasuredExperiment(settings, false).run(twin, fitter, truth, Progress.NONE, null);
			double runSeconds = (System.nanoTime() - t0) * 1e-9;
			String how = !online.surveyTraining() ? "during discovery, every " + online.retrainEvery() + " batch(es), " +
				online.epochs() + " epochs" : online.retrainEvery() == 0 ? "on the survey (10 epochs)" :
					"on the survey, then every " + online.retrainEvery() + " batches, " + online.epochs() + " epochs";
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.2f (%d) | %.1f + %.1f | %.0f |%n", how,
				run.names().get(run.target()), share(run.found(), 10, run.features()), share(run.found(), 25, run
					.features()), share(run.found(), 50, run.features()), share(run.found(), 100, run.features()), reach(run
						.measurementsToFind(0.5)), timed[0].encodeNanos * 1e-6 / Math.max(1, timed[0].encodes),
				timed[0].encodes, fitSeconds[0], timed[0].learnNanos * 1e-9, runSeconds);
			last = run;
		}
		System.out.printf(Locale.ROOT, "| random patches (seed 1) | – | %s | %s | %s | %s | %s | – | – | – |%n", share(
			last.randomFound(), 10, last.features()), share(last.randomFound(), 25, last.features()), share(last
				.randomFound(), 50, last.features()), share(last.randomFound(), 100, last.features()), reach(last.randomToFind(
					0.5)));
		System.out.printf(Locale.ROOT, "| serpentine raster | – | %s | %s | %s | %s | %s | – | – | – |%n", share(last
			.rasterFound(), 10, last.features()), share(last.rasterFound(), 25, last.features()), share(last.rasterFound(),
				50, last.features()), share(last.rasterFound(), 100, last.features()), reach(last.rasterToFind(0.5)));
		System.out.println("\nwall pixels: " + last.features() + " of " + side * side);
	}

	private static String share(int[] curve, int k, int features) {
		if (curve == null || curve.length < k) return "–";
		return String.format(Locale.ROOT, "%.0f %%", 100.0 * curve[k - 1] / features);
	}

	private static String reach(int k) {
		return k < 0 ? "not reached" : Integer.toString(k);
	}
}
