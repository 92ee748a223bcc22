package org.stemdiscovery.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.MapStack;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeFile;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.vae.TrainingHistory;

/**
 * The work of Train rVAE: trains on every plane of a stack, saves the model, and gives the latents table, the
 * latent maps (on the window grid, around each atom, or one pixel per item, as the stack's Info says), the
 * decoded manifold and the loss per epoch. {@link EncodeTask} gives the same outputs from a saved model.
 */
public final class RvaeTask {

	/** Table titles (macros read them by title) and image suffixes (Fiji titles {@code <stack>-<suffix>}). */
	public static final String LATENTS = "rVAE latents", LOSS = "rVAE loss", MAPS = "rvae-maps",
		MANIFOLD = "rvae-manifold";
	/** The files the command line writes the images as. */
	public static final String MAPS_FILE = "latent-maps.tif", MANIFOLD_FILE = "manifold.tif";
	/** Info key naming the folder of the model that made the maps. */
	public static final String MODEL_KEY = "stemdiscovery.rvae.model";
	/** Info key describing the manifold image. */
	public static final String MANIFOLD_KEY = "stemdiscovery.rvae.manifold";

	private RvaeTask() {}

	/**
	 * @param stackInfo   the stack's Info (a window grid or atom positions lay out the maps); may be empty
	 * @param modelFolder where the trained model is saved (created if needed)
	 * @param listener    told after every epoch (a live loss plot, a progress line); may be null
	 */
	public static Result run(PatchStack stack, Map<String, String> stackInfo, Path modelFolder, RvaeParams params,
		Progress progress, RvaeTrainer.EpochListener listener) {
		RvaeTraining training = params.training();
		try (Rvae net = Rvae.create(params.architecture(stack.width(), stack.height()), training.seed(), params
			.threads())) {
			TrainingHistory history = new RvaeTrainer(training).train(net, stack, progress, listener);
			save(net, training, modelFolder);
			Result encoded = outputs(net, stack, stackInfo, modelFolder, params.manifold());
			Map<String, Object> meta = new LinkedHashMap<>(encoded.metadata());
			meta.put("epochs", history.epochs());
			meta.put("finalLoss", history.finalLoss());
			meta.put("finalReconstruction", history.finalReconstruction());
			String summary = String.format("%d items of %d x %d px, final loss %.4g; model in %s", stack.count(), stack
				.width(), stack.height(), history.finalLoss(), modelFolder);
			return new Result(encoded.images(), List.of(encoded.table(LATENTS), loss(history)), meta, summary);
		}
	}

	private static void save(Rvae net, RvaeTraining training, Path folder) {
		if (Files.exists(folder) && !Files.isDirectory(folder)) throw new InputException("the model folder " + folder +
			" is a file; remove it or choose another folder");
		try {
			RvaeFile.save(net, training, folder);
		}
		catch (IOException e) {
			throw new InputException("cannot save the model into " + folder + ": " + e.getMessage() +
				"; choose another model folder");
		}
	}

	/** What training and encoding both give: latents table, latent maps and manifold of {@code net} on {@code stack}. */
	static Result outputs(Rvae net, PatchStack stack, Map<String, String> stackInfo, Path modelFolder, int manifold) {
		Latents lat = net.encode(stack);
		MapStack maps = MapStack.of(lat, stack, stackInfo);
		Map<String, String> mapInfo = new LinkedHashMap<>(maps.info());
		mapInfo.put(MODEL_KEY, modelFolder.toString());
		FloatImage mapImage = new FloatImage(MAPS, MAPS_FILE, maps.data(), maps.width(), maps.height(), maps.planes(),
			mapInfo);
		FloatImage decoded = new FloatImage(MANIFOLD, MANIFOLD_FILE, net.manifold(manifold), manifold * net
			.architecture().width(), net.manifoldHeight(manifold), 1, Map.of(MANIFOLD_KEY, manifold + " x " + manifold +
				" decoded patches over z1 (right) and z2 (up)"));
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("items", stack.count());
		meta.put("width", stack.width());
		meta.put("height", stack.height());
		meta.put("latents", lat.names());
		meta.put("layout", maps.info().get(MapStack.LAYOUT_KEY));
		meta.put("model", modelFolder.toString());
		String summary = String.format("%d items of %d x %d px encoded with the model in %s", stack.count(), stack
			.width(), stack.height(), modelFolder);
		return new Result(List.of(mapImage, decoded), List.of(latents(lat)), meta, summary);
	}

	/** One row per item (numbered from 1, as the windows of an FFT stack): each latent, then each one's std. */
	static Table latents(Latents lat) {
		List<String> header = lat.header();
		String[] columns = new String[header.size() + 1];
		columns[0] = "item";
		for (int j = 0; j < header.size(); j++)
			columns[j + 1] = header.get(j);
		Table.Builder t = Table.builder(LATENTS, columns);
		for (int i = 0; i < lat.size(); i++) {
			double[] r = lat.row(i);
			Object[] cells = new Object[r.length + 1];
			cells[0] = i + 1;
			for (int j = 0; j < r.length; j++)
				cells[j + 1] = r[j];
			t.row(cells);
		}
		return t.build();
	}

	static Table loss(TrainingHistory h) {
		Table.Builder t = Table.builder(LOSS, "epoch", "loss", "reconstruction", "seconds");
		for (int e = 0; e < h.epochs(); e++)
			t.row(e + 1, h.loss()[e], h.reconstruction()[e], h.seconds()[e]);
		return t.build();
	}

	/** The latent of each plane of the maps image, from its Info (for slice labels). */
	public static List<String> planeLabels(FloatImage maps) {
		String names = maps.info().get(MapStack.LATENTS_KEY);
		return names == null || names.isEmpty() ? List.of() : List.of(names.split(","));
	}
}
