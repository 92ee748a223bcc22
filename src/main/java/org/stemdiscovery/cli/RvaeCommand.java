package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.MapStack;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Reconstruction;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeFile;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.vae.TrainingHistory;

/** {@code stem-discovery rvae}: trains an rVAE on a stack (or applies a saved one) and writes latents and maps. */
final class RvaeCommand implements Subcommand {

	static final String LATENTS = "latents.csv", MAPS = "latent-maps.tif", MANIFOLD = "manifold.tif",
		LOSS = "loss.csv", MODEL = "model";
	static final Set<String> FLAGS = Set.of("no-rotation", "no-translation", "conv-encoder", "force");
	static final Set<String> VALUED = Set.of("stack", "latent", "epochs", "batch", "lr", "seed", "angle-prior", "noise",
		"reconstruction", "encoder-hidden", "decoder-hidden", "manifold", "model", "threads", "out");

	@Override
	public String name() {
		return "rvae";
	}

	@Override
	public String summary() {
		return "rotation-invariant VAE on a stack (writes latents.csv, latent-maps.tif, manifold.tif, loss.csv, model/)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery rvae --stack S.tif --out DIR [--latent 2] [--epochs 100] [--seed 0] [options]

			Trains a rotation- and translation-invariant variational autoencoder on every plane of a stack
			(a sliding FFT stack, atom-centred patches, or any stack of equal-sized images) and writes each
			item's latents: angle (rad), dx, dy (px) and z1..zk, with their standard deviations.

			  --stack PATH          stack TIFF; a window grid or atom positions in its Info lay out the maps
			  --out DIR             latents.csv, latent-maps.tif (one plane per latent: on the window grid,
			                        around each atom on the source image, or one pixel per item), manifold.tif
			                        (decoder over a grid of z1, z2), loss.csv (per epoch) and model/
			  --latent K            content latents (default 2)
			  --epochs N            passes over the stack (default 100)
			  --batch N             patches per step (default 100, at most the number of patches)
			  --lr X                Adam learning rate (default 0.001)
			  --seed N              weights, shuffling and noise (default 0): same seed, same result
			  --angle-prior RAD     sigma of the N(0, sigma) angle prior (default 1.5708); 0.1 nearly
			                        switches rotation learning off
			  --noise S             Gaussian reconstruction sigma on the [0,1]-scaled data (default 0.1)
			  --reconstruction R    gaussian (default) or bernoulli
			  --no-rotation         no angle latent
			  --no-translation      no dx, dy latents
			  --conv-encoder        3x3 convolutional encoder (filters = --encoder-hidden) instead of dense
			  --encoder-hidden N    units (or filters) per encoder layer (default 128)
			  --decoder-hidden N    units per decoder layer (default 128)
			  --manifold D          manifold of D x D decoded patches (default 8)
			  --model DIR           apply this saved model instead of training (no loss.csv, no model/)
			  --threads N           PyTorch intra-op threads (default 1)
			  --force               replace the outputs if DIR already has them
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path stackPath = args.path("stack");
		Path dir = args.path("out");
		Path modelIn = args.has("model") ? args.path("model") : null;
		int threads = args.integer("threads", 1);
		if (threads < 1) throw new InputException("--threads " + threads + " must be at least 1");
		// DJL reads this once, when the engine starts: before any model is made.
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		int manifold = args.integer("manifold", 8);
		TiffImage tif = Tiff.read(stackPath);
		PatchStack stack = new PatchStack(tif.pixels(), tif.width(), tif.height(), tif.planes());
		OutputFolder.prepare(dir, args.flag("force"), LATENTS, MAPS, MANIFOLD, LOSS, MODEL);

		Rvae model;
		TrainingHistory history = null;
		RvaeTraining training = null;
		if (modelIn != null) {
			model = RvaeFile.load(modelIn);
		}
		else {
			int k = args.integer("latent", 2);
			RvaeArchitecture arch = RvaeArchitecture.defaults(stack.width(), stack.height(), k)
				.withHidden(args.integer("encoder-hidden", 128), args.integer("decoder-hidden", 128))
				.withRotation(!args.flag("no-rotation")).withTranslation(!args.flag("no-translation"))
				.withConvolutionalEncoder(args.flag("conv-encoder"))
				.withReconstruction(Reconstruction.parse(args.string("reconstruction", "gaussian")));
			RvaeTraining d = RvaeTraining.defaults();
			training = d.withEpochs(args.integer("epochs", d.epochs())).withBatchSize(args.integer("batch", d.batchSize()))
				.withLearningRate(args.number("lr", d.learningRate())).withSeed(args.integer("seed", 0))
				.withAnglePrior(args.number("angle-prior", d.anglePrior()), true).withNoise(args.number("noise", d.noise()));
			model = Rvae.create(arch, training.seed());
		}
		try {
			if (training != null) {
				int epochs = training.epochs();
				history = new RvaeTrainer(training).train(model, stack, Progress.NONE,
					(e, loss, rec) -> out.printf("epoch %d/%d loss %.4f reconstruction %.4f%n", e, epochs, loss, rec));
			}
			Latents latents = model.encode(stack);
			write(dir, latents, MapStack.of(latents, stack, tif.info()), model, manifold, history, training);
			out.printf("%d items of %d x %d px -> %s%n", stack.count(), stack.width(), stack.height(), dir);
		}
		finally {
			model.close();
		}
		return 0;
	}

	static void write(Path dir, Latents latents, MapStack maps, Rvae model, int manifold, TrainingHistory history,
		RvaeTraining training) throws IOException {
		List<String> header = new ArrayList<>(List.of("item"));
		header.addAll(latents.header());
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < latents.size(); i++) {
			double[] r = latents.row(i), row = new double[r.length + 1];
			row[0] = i;
			System.arraycopy(r, 0, row, 1, r.length);
			rows.add(row);
		}
		Csv.write(dir.resolve(LATENTS), header, rows);
		Tiff.writeFloat(dir.resolve(MAPS), maps.data(), maps.width(), maps.height(), maps.planes(), maps.info());
		Map<String, String> minfo = new LinkedHashMap<>();
		minfo.put("stemdiscovery.rvae.manifold", manifold + " x " + manifold + " decoded patches over z1 (right) and z2 (up)");
		Tiff.writeFloat(dir.resolve(MANIFOLD), model.manifold(manifold), manifold * model.architecture().width(),
			model.manifoldHeight(manifold), 1, minfo);
		if (history != null) {
			List<double[]> loss = new ArrayList<>();
			for (int e = 0; e < history.epochs(); e++)
				loss.add(new double[] { e + 1, history.loss()[e], history.reconstruction()[e], history.seconds()[e] });
			Csv.write(dir.resolve(LOSS), List.of("epoch", "loss", "reconstruction", "seconds"), loss);
			Path m = dir.resolve(MODEL);
			if (Files.exists(m) && !Files.isDirectory(m)) throw new InputException(m + " is a file; remove it or choose another --out");
			RvaeFile.save(model, training, m);
		}
	}
}
