package org.stemdiscovery.atoms;

import org.stemdiscovery.torch.TorchEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.sim.RandomLatticeScene;

/**
 * Trains {@link AtomNet} on {@link RandomLatticeScene#training()} images and writes the weights and a
 * JSON recipe with validation scores. {@code stem-discovery train-atom-finder} (and
 * {@code scripts/train-atom-finder}, which calls it) runs it with the recipe of the shipped model; every number
 * that shaped the weights is a parameter and lands in the JSON.
 */
public final class AtomNetTrainer {

	/** Everything that determines a training run. */
	public record Recipe(long seed, int images, int epochs, int batch, int crop, int base, int levels,
		double learningRate, double brightWeight, int validationImages, int validationSide) {

		public Recipe {
			if (images < batch || batch < 1 || epochs < 1) throw new InputException("need images ≥ batch ≥ 1 and epochs " +
				"≥ 1 (images " + images + ", batch " + batch + ", epochs " + epochs + ")");
			if (crop < 32 || crop % (1 << (levels - 1)) != 0) throw new InputException("crop " + crop + " must be ≥ 32" +
				" and a multiple of " + (1 << (levels - 1)));
		}

		/** The recipe of the shipped weights. */
		public static Recipe shipped() {
			return new Recipe(20261124L, 8000, 4, 8, 96, 8, 4, 2e-3, 3, 24, 128);
		}

		/** A few steps on tiny crops, for the smoke test. */
		public static Recipe smoke() {
			return new Recipe(7L, 8, 1, 4, 32, 4, 2, 2e-3, 3, 2, 64);
		}

		public Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("seed", seed);
			m.put("images", images);
			m.put("epochs", epochs);
			m.put("batch", batch);
			m.put("crop", crop);
			m.put("base", base);
			m.put("levels", levels);
			m.put("learningRate", learningRate);
			m.put("optimizer", "Adam, cosine decay to 1/20");
			m.put("loss", "per-pixel cross entropy, class weights background 1, atom 1, bright " + brightWeight);
			m.put("brightWeight", brightWeight);
			m.put("validationImages", validationImages);
			m.put("validationSide", validationSide);
			return m;
		}
	}

	/** What a run produced. */
	public record Result(AtomNet net, List<Double> epochLoss, Map<String, Object> validation, double seconds) {}

	private AtomNetTrainer() {}

	/** Seeds of validation images: far from every training seed. */
	static long validationSeed(Recipe r, int i) {
		return 900_000_000_000L + r.seed() * 1000 + i;
	}

	/**
	 * Trains in {@code manager} (the network's parameters live there); logs one line per 50 steps to
	 * {@code log}.
	 */
	public static Result train(Recipe r, NDManager manager, PrintStream log) {
		return train(r, 0, manager, log);
	}

	/** As {@link #train(Recipe, NDManager, PrintStream)} on {@code threads} PyTorch threads (0: the default). */
	public static Result train(Recipe r, int threads, NDManager manager, PrintStream log) {
		TorchEngine.start(TorchEngine.Work.TRAINING, threads);
		long t0 = System.nanoTime();
		RandomLatticeScene scene = RandomLatticeScene.training();
		int n = r.images(), side = r.crop(), px = side * side;
		float[][] images = new float[n][];
		byte[][] labels = new byte[n][];
		for (int i = 0; i < n; i++) {
			TrainingData.Sample s = TrainingData.sample(scene, side, r.seed() * 10_000_000L + i);
			images[i] = s.image();
			labels[i] = s.labels();
		}
		log.printf("generated %d training images of %d px in %.1f s%n", n, side, (System.nanoTime() - t0) / 1e9);

		AtomNet net = new AtomNet(r.base(), r.levels());
		int steps = r.epochs() * (n / r.batch());
		Optimizer adam = Optimizer.adam().optLearningRateTracker(CosineTracker.builder().setBaseValue((float) r
			.learningRate()).optFinalValue((float) r.learningRate() / 20).setMaxUpdates(Math.max(1, steps)).build()).build();
		List<Double> epochLoss = new ArrayList<>();
		try (Model model = Model.newInstance("atomnet", Device.cpu(), "PyTorch")) {
			model.setBlock(net);
			try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new PixelCrossEntropy()).optOptimizer(adam)
				.optDevices(new Device[] { Device.cpu() }))) {
				trainer.initialize(new Shape(r.batch(), 1, side, side));
				float[] w = { 1, 1, (float) r.brightWeight() };
				int step = 0;
				for (int e = 0; e < r.epochs(); e++) {
					int[] order = shuffled(n, new SplittableRandom(r.seed() + 31L * e));
					double sum = 0;
					int count = 0;
					for (int b = 0; b + r.batch() <= n; b += r.batch()) {
						float[] x = new float[r.batch() * px], y = new float[r.batch() * 3 * px];
						for (int k = 0; k < r.batch(); k++) {
							int i = order[b + k];
							System.arraycopy(images[i], 0, x, k * px, px);
							for (int p = 0; p < px; p++) {
								int c = labels[i][p];
								y[(k * 3 + c) * px + p] = w[c];
							}
						}
						try (NDManager sub = trainer.getManager().newSubManager()) {
							NDArray xa = sub.create(x, new Shape(r.batch(), 1, side, side));
							NDArray ya = sub.create(y, new Shape(r.batch(), 3, side, side));
							try (GradientCollector gc = trainer.newGradientCollector()) {
								NDList pred = trainer.forward(new NDList(xa));
								NDArray loss = trainer.getLoss().evaluate(new NDList(ya), pred);
								gc.backward(loss);
								sum += loss.getFloat();
								count++;
							}
							trainer.step();
						}
						if (++step % 50 == 0) log.printf("step %d/%d epoch %d loss %.4f  %.0f s%n", step, steps, e + 1, sum /
							count, (System.nanoTime() - t0) / 1e9);
					}
					epochLoss.add(sum / count);
					log.printf("epoch %d mean loss %.4f%n", e + 1, sum / count);
				}
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			Map<String, Object> val = validate(r, net, manager);
			log.println("validation " + val);
			// Move the parameters out of the model's manager so they outlive it.
			net.getParameters().forEach(p -> p.getValue().getArray().attach(manager));
			return new Result(net, epochLoss, val, seconds);
		}
	}

	/** F1 and mean error of the full finder on held-out scenes at every noise level of the distribution. */
	static Map<String, Object> validate(Recipe r, AtomNet net, NDManager manager) {
		RandomLatticeScene scene = RandomLatticeScene.training();
		int tp = 0, fp = 0, fn = 0;
		double err = 0;
		try (AtomModel m = AtomModel.of(net, manager)) {
			DcnnAtomFinder finder = new DcnnAtomFinder(m, FinderSettings.defaults());
			for (int i = 0; i < r.validationImages(); i++) {
				var s = scene.generate(r.validationSide(), r.validationSide(), validationSeed(r, i));
				var truth = TrainingData.truth(s);
				Matching mt = Scoring.interior(finder.find(s.noisy(), s.width(), s.height()), truth, s.width(), s.height(), 0.25 *
					((Number) s.parameters().get("nearestNeighbour")).doubleValue());
				tp += mt.truePositives();
				fp += mt.falsePositives();
				fn += mt.falseNegatives();
				if (mt.truePositives() > 0) err += mt.meanError() * mt.truePositives();
			}
		}
		Map<String, Object> v = new LinkedHashMap<>();
		double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp), rc = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		v.put("images", r.validationImages());
		v.put("side", r.validationSide());
		v.put("precision", p);
		v.put("recall", rc);
		v.put("f1", p + rc == 0 ? 0 : 2 * p * rc / (p + rc));
		v.put("meanErrorPx", tp > 0 ? err / tp : Double.NaN);
		return v;
	}

	private static int[] shuffled(int n, SplittableRandom rnd) {
		int[] a = new int[n];
		for (int i = 0; i < n; i++)
			a[i] = i;
		for (int i = n - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1), t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		return a;
	}

	/** File names of the weights and of their recipe. */
	public static final String WEIGHTS = "atomnet.params", RECIPE = "atomnet.json";

	/** Writes {@link #WEIGHTS} and {@link #RECIPE} into {@code dir}; returns what the recipe file holds. */
	public static Map<String, Object> write(Result res, Recipe r, int threads, Path dir) throws IOException {
		Files.createDirectories(dir);
		try (OutputStream out = Files.newOutputStream(dir.resolve(WEIGHTS))) {
			AtomModel.save(res.net(), out);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("model", "AtomNet (U-Net, batch norm, pixel-shuffle upsampling)");
		json.put("input", "(N, 1, H, W) float32, image standardised to zero mean and unit variance; H, W multiples of 8");
		json.put("output", "(N, 3, H, W) logits: background, atom column, bright column");
		json.put("recipe", r.toMap());
		json.put("trainingData", "sim.RandomLatticeScene.training(): square, perovskite, hexagonal, honeycomb; 6-30 px " +
			"nearest-neighbour distance; dose 2-300; seeds recipe.seed*1e7 + i");
		json.put("threads", TorchEngine.threads(TorchEngine.Work.TRAINING, threads));
		json.put("cores", Runtime.getRuntime().availableProcessors());
		json.put("trainingSeconds", Math.round(res.seconds()));
		json.put("epochLoss", res.epochLoss());
		json.put("validation", res.validation());
		Files.writeString(dir.resolve(RECIPE), Json.write(json));
		return json;
	}
}
