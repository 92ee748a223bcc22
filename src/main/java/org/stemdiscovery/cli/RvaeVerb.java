package org.stemdiscovery.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.stemdiscovery.command.EncodeParams;
import org.stemdiscovery.command.EncodeTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.RvaeParams;
import org.stemdiscovery.command.RvaeTask;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.RvaeFile;

/**
 * {@code stem-discovery rvae}: renders {@link RvaeTask} as latents.csv, latent-maps.tif, manifold.tif, loss.csv
 * and model/. With {@code --model DIR} (kept for scripts written before {@code encode}) it applies a saved model
 * instead, as {@code encode} does, and removes an earlier run's loss.csv and model/ under {@code --force} so the
 * folder never mixes two runs.
 */
final class RvaeVerb implements Verb {

	static final String LATENTS = "latents.csv", MAPS = RvaeTask.MAPS_FILE, MANIFOLD = RvaeTask.MANIFOLD_FILE,
		LOSS = "loss.csv", MODEL = "model";

	@Override
	public Spec spec() {
		return RvaeParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("stack", "S.tif",
			"stack TIFF; a window grid or atom positions in its Info lay out the maps"),
			FileOption.optional("model", "DIR", "apply this saved model instead of training, as 'encode' does " +
				"(only --manifold and --threads apply; no loss.csv, no model/)"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(LATENTS, MAPS, MANIFOLD, LOSS, MODEL);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage tif = call.tiff("stack");
		PatchStack stack = new PatchStack(tif.pixels(), tif.width(), tif.height(), tif.planes());
		Path saved = call.file("model");
		if (saved != null) {
			Values v = call.values();
			Result r = EncodeTask.run(stack, tif.info(), saved, new EncodeParams(v.integer("manifold"), v.integer(
				"threads")), Progress.NONE);
			removeEarlierTraining(call.out(), saved);
			writeEncoded(call.out(), r);
			call.println(r.summary() + " -> " + call.out());
			return;
		}
		RvaeParams p = RvaeParams.from(call.values());
		Result r = RvaeTask.run(stack, tif.info(), call.out().resolve(MODEL), p, Progress.NONE, (e, loss, rec) -> call
			.stdout().printf("epoch %d/%d loss %.4f reconstruction %.4f%n", e, p.epochs(), loss, rec));
		writeEncoded(call.out(), r);
		ResultFiles.table(call.out(), LOSS, r.table(RvaeTask.LOSS));
		call.println(r.summary() + " -> " + call.out());
	}

	/** The latents table, maps and manifold, which training and encoding both write. */
	static void writeEncoded(Path out, Result r) throws IOException {
		ResultFiles.table(out, LATENTS, r.table(RvaeTask.LATENTS));
		ResultFiles.image(out, r.image(RvaeTask.MAPS));
		ResultFiles.image(out, r.image(RvaeTask.MANIFOLD));
	}

	/**
	 * An encoding writes no loss.csv and no model/: an earlier training run's ones (which {@code --force} allowed
	 * to replace) would otherwise describe another model. The model being applied is never removed.
	 */
	private static void removeEarlierTraining(Path out, Path applied) throws IOException {
		Files.deleteIfExists(out.resolve(LOSS));
		Path model = out.resolve(MODEL);
		if (!Files.isDirectory(model) || applied.toAbsolutePath().normalize().startsWith(model.toAbsolutePath()
			.normalize())) return;
		Files.deleteIfExists(model.resolve(RvaeFile.JSON));
		Files.deleteIfExists(model.resolve(RvaeFile.PARAMS));
		try {
			Files.deleteIfExists(model);
		}
		catch (DirectoryNotEmptyException e) {
			// files of the user's own stay; the model in it is gone, so nothing can be mistaken for this run's
		}
	}
}
