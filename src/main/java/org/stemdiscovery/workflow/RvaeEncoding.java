package org.stemdiscovery.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.vae.TrainingHistory;

/**
 * The rVAE step shared by workflows 2 and 3: train a model with {@code content} content latents on the
 * patches, then encode them. The model lives only for the call.
 *
 * @param hidden width of the encoder and decoder layers
 */
public record RvaeEncoding(int content, int hidden, RvaeTraining training) {

	/** The latents of every patch and the training's final loss. */
	public record Result(Latents latents, TrainingHistory history) {}

	public Result encode(PatchStack patches, Progress progress) {
		RvaeArchitecture arch = RvaeArchitecture.defaults(patches.width(), patches.height(), content).withHidden(hidden,
			hidden);
		try (Rvae model = Rvae.create(arch, training.seed())) {
			TrainingHistory history = new RvaeTrainer(training).train(model, patches, progress, null);
			return new Result(model.encode(patches), history);
		}
	}

	public Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("contentLatents", content);
		p.put("hidden", hidden);
		p.putAll(training.toMap());
		return p;
	}
}
