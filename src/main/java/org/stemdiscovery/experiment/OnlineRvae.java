package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Progress;
import org.stemdiscovery.torch.TorchEngine;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.vae.TrainingHistory;
import org.stemdiscovery.workflow.RvaeEncoding;

/**
 * The rVAE that workflows 2 and 3 keep open during an experiment (the offline {@link RvaeEncoding} closes its
 * model after one call): it trains on the survey, encodes one item at a time, and warm-starts training on the
 * patches measured so far on the {@link OnlineTraining} schedule.
 *
 * <p>Items are encoded one by one, survey windows included: a batched product may round differently from a
 * product over one row, and the survey's value of a window must be exactly what the same window measured gets.
 * Each training round has its own seed (the rVAE's seed + round), so a run is fixed by its seed and thread count.
 */
final class OnlineRvae implements AutoCloseable {

	private final Rvae model;
	private final RvaeEncoding rvae;
	private final OnlineTraining online;
	private final List<String> names = new ArrayList<>();
	private boolean trained;
	private int sinceTraining, rounds, epochs;
	private double seconds, loss = Double.NaN;

	OnlineRvae(int side, RvaeEncoding rvae, OnlineTraining online) {
		RvaeArchitecture arch = RvaeArchitecture.defaults(side, side, rvae.content()).withHidden(rvae.hidden(), rvae
			.hidden());
		this.model = Rvae.create(arch, rvae.training().seed());
		this.rvae = rvae;
		this.online = online;
		for (String n : arch.latentNames())
			names.add("latent " + n);
	}

	/** "latent angle", "latent dx", "latent dy", "latent z1", … as the offline workflows name them. */
	List<String> names() {
		return names;
	}

	OnlineTraining online() {
		return online;
	}

	/** Trains on the survey's items with the full epochs of the rVAE's settings. */
	void trainOnSurvey(PatchStack items, Progress progress) {
		train(items, rvae.training().epochs(), rvae.training().seed(), progress);
	}

	/**
	 * Counts a finished batch and trains when due: after the first batch when the survey did not train the model,
	 * then every {@code retrainEvery} batches after the last training (the survey's included). Returns whether it trained ({@code items} is asked for only then).
	 */
	boolean learnIfDue(java.util.function.Supplier<PatchStack> items, Progress progress) {
		sinceTraining++;
		boolean due = online.retrainEvery() > 0 && (!trained || sinceTraining >= online.retrainEvery());
		if (!due) return false;
		train(items.get(), online.epochs(), rvae.training().seed() + 1 + rounds, progress);
		return true;
	}

	private void train(PatchStack items, int epochCount, long seed, Progress progress) {
		long t0 = System.nanoTime();
		// The atom finder may have started PyTorch for inference since: back to the training threads and kernels.
		TorchEngine.start(TorchEngine.Work.TRAINING);
		RvaeTraining t = rvae.training().withEpochs(epochCount).withSeed(seed).withBatchSize(Math.min(rvae.training()
			.batchSize(), items.count()));
		TrainingHistory h = new RvaeTrainer(t).train(model, items, progress, null);
		trained = true;
		sinceTraining = 0;
		rounds++;
		epochs += epochCount;
		loss = h.finalLoss();
		seconds += (System.nanoTime() - t0) * 1e-9;
	}

	/** The latent means of one item ({@code side × side}, row-major), in {@link #names()} order. */
	double[] encode(float[] item) {
		int side = model.architecture().width();
		Latents l = model.encode(new PatchStack(item, side, side, 1));
		return l.mean()[0];
	}

	boolean trained() {
		return trained;
	}

	Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("contentLatents", rvae.content());
		d.put("hidden", rvae.hidden());
		d.putAll(online.toMap());
		d.put("trainingRounds", rounds);
		d.put("epochsTrained", epochs);
		d.put("trainingSeconds", seconds);
		d.put("finalLoss", loss);
		return d;
	}

	double trainingSeconds() {
		return seconds;
	}

	@Override
	public void close() {
		model.close();
	}
}
