package org.stemdiscovery.vae;

import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * Trains an {@link Rvae} with Adam on minibatches of a patch stack, maximising the ELBO (minimising the loss
 * −ELBO = reconstruction + KL, averaged over the patches of a batch).
 *
 * <p>Deterministic for a seed on the CPU with a fixed thread count: the shuffling and the
 * reparameterisation noise come from a {@link SplittableRandom}, never from the engine.
 */
public final class RvaeTrainer {

	/** Told after every epoch; e.g. to update a loss plot. */
	public interface EpochListener {
		void epoch(int epoch, double loss, double reconstruction);
	}

	private final RvaeTraining settings;

	public RvaeTrainer(RvaeTraining settings) {
		this.settings = settings;
	}

	/**
	 * Trains {@code model} on {@code stack} (the model's data scaling is set from this stack first).
	 * Cancelling through {@code progress} stops between batches with a {@link org.stemdiscovery.image.CancelledException};
	 * the model keeps the weights reached so far.
	 */
	public TrainingHistory train(Rvae model, PatchStack stack, Progress progress, EpochListener listener) {
		model.checkFits(stack);
		int n = stack.count(), batch = settings.batchSize();
		if (n < batch) throw new InputException("the stack has " + n + " patches, fewer than the batch size " + batch +
			"; choose a batch size of at most " + n);
		model.fitScaling(stack);
		RvaeArchitecture arch = model.architecture();
		int p = arch.pixels(), l = arch.latents();
		Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
		model.params().values().forEach(a -> a.setRequiresGradient(true));
		SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
		int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		int batches = (n + batch - 1) / batch;
		double[] loss = new double[settings.epochs()], rec = new double[settings.epochs()], secs = new double[settings.epochs()];
		Engine engine = Engine.getEngine("PyTorch");
		try {
			for (int e = 0; e < settings.epochs(); e++) {
				long t0 = System.nanoTime();
				shuffle(order, rnd);
				double sumLoss = 0, sumRec = 0;
				for (int bi = 0; bi < batches; bi++) {
					progress.checkCancelled();
					int from = bi * batch, b = Math.min(batch, n - from);
					float[] eps = new float[b * l];
					for (int i = 0; i < eps.length; i++)
						eps[i] = (float) rnd.nextGaussian();
					float[] x = model.scaled(stack, order, from, b);
					float[] step = step(model, engine, adam, x, eps, b, p, l);
					sumLoss += step[0] * b;
					sumRec += step[1] * b;
					progress.report((e + (bi + 1.0) / batches) / settings.epochs(),
						"epoch " + (e + 1) + "/" + settings.epochs() + ", batch " + (bi + 1) + "/" + batches);
				}
				loss[e] = sumLoss / n;
				rec[e] = sumRec / n;
				secs[e] = (System.nanoTime() - t0) / 1e9;
				if (!Double.isFinite(loss[e])) throw new InputException("the loss became " + loss[e] + " in epoch " + (e + 1) +
					"; lower the learning rate (e.g. " + settings.learningRate() / 10 + ")");
				if (listener != null) listener.epoch(e + 1, loss[e], rec[e]);
			}
		}
		finally {
			model.params().values().forEach(a -> a.setRequiresGradient(false));
		}
		return new TrainingHistory(loss, rec, secs);
	}

	/**
	 * Patches per forward/backward pass inside a batch. The decoder's activations are patches × pixels ×
	 * hidden floats; past ~32 MB the C allocator maps and zeroes fresh pages for every temporary, which costs
	 * more than the arithmetic, so a batch runs in chunks of about {@value #CHUNK_VALUES} values whose
	 * gradients add up to exactly the batch's gradient (the loss is a mean over the batch). The system property
	 * {@code stemdiscovery.rvae.chunk} overrides it for experiments.
	 */
	static final long CHUNK_VALUES = Long.getLong("stemdiscovery.rvae.chunk", 2_000_000);

	/** One Adam step on one batch; returns the batch's mean loss and mean reconstruction term. */
	private float[] step(Rvae model, Engine engine, Optimizer adam, float[] x, float[] eps, int b, int p, int l) {
		RvaeArchitecture arch = model.architecture();
		int chunk = (int) Math.max(1, Math.min(b, CHUNK_VALUES / ((long) p * Math.max(arch.decoderHidden(), 1))));
		double lossSum = 0, recSum = 0;
		float inv = 1f / b;
		try (GradientCollector gc = engine.newGradientCollector()) {
			for (int c0 = 0; c0 < b; c0 += chunk) {
				int cb = Math.min(chunk, b - c0);
				try (NDManager sub = model.manager().newSubManager()) {
					model.resident().forEach(a -> a.tempAttach(sub));
					NDArray xs = Rvae.owned(sub.create(java.util.Arrays.copyOfRange(x, c0 * p, (c0 + cb) * p), new Shape(cb, p)));
					NDArray noise = Rvae.owned(sub.create(java.util.Arrays.copyOfRange(eps, c0 * l, (c0 + cb) * l), new Shape(cb, l)));
					NDArray[] enc = model.encode(xs);
					NDArray z = enc[0].add(enc[1].exp().mul(noise));
					NDArray out = model.decode(z);
					NDArray rec = model.reconstruction(out, xs, settings);
					NDArray kl = model.kl(enc[0], enc[1], settings, sub);
					NDArray part = rec.add(kl).sum().mul(inv);
					gc.backward(part);
					lossSum += part.getFloat();
					recSum += rec.sum().getFloat();
				}
			}
		}
		// After the batch managers have closed, so that Adam's moment arrays are made in the model's own manager.
		for (var e : model.params().entrySet()) {
			try (NDArray g = e.getValue().getGradient()) {
				adam.update(e.getKey(), e.getValue(), g);
				g.subi(g); // PyTorch accumulates gradients: clear them for the next batch
			}
		}
		return new float[] { (float) lossSum, (float) (recSum / b) };
	}

	private static void shuffle(int[] a, SplittableRandom rnd) {
		for (int i = a.length - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
}
