package org.stemdiscovery.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDManager;

import org.stemdiscovery.atoms.AtomNetTrainer;
import org.stemdiscovery.atoms.AtomNetTrainer.Recipe;
import org.stemdiscovery.torch.TorchEngine;

/**
 * The work of {@code train-atom-finder}: trains AtomNet with the recipe and writes the weights and the recipe
 * file into a folder. The weights are a model file, not an image or a table, so the task writes them itself
 * (in the format {@link org.stemdiscovery.atoms.AtomModel#load} reads) and returns the recipe file's content.
 */
public final class TrainAtomFinderTask {

	private TrainAtomFinderTask() {}

	/**
	 * @param dir the folder for {@link AtomNetTrainer#WEIGHTS} and {@link AtomNetTrainer#RECIPE}
	 * @param log one line per 50 steps and per epoch
	 */
	public static Result run(TrainAtomFinderParams params, Path dir, PrintStream log) throws IOException {
		Recipe r = params.recipe();
		try (NDManager manager = TorchEngine.newManager(TorchEngine.Work.TRAINING, params.threads())) {
			AtomNetTrainer.Result res = AtomNetTrainer.train(r, params.threads(), manager, log);
			Map<String, Object> json = AtomNetTrainer.write(res, r, params.threads(), dir);
			String summary = String.format("wrote %s (%.0f s training, validation F1 %.3f)", dir.resolve(
				AtomNetTrainer.WEIGHTS), res.seconds(), ((Number) res.validation().get("f1")).doubleValue());
			return new Result(List.of(), List.of(), new LinkedHashMap<>(json), summary);
		}
	}
}
