package org.stemdiscovery.fiji;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.MapStack;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Reconstruction;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeFile;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;

/**
 * Plugins › STEM Discovery › Train rVAE: a rotation- and translation-invariant VAE on the current stack (a
 * Sliding FFT Stack, atom patches with their positions in the Info, or any stack). Shows a table of every
 * item's latents, the latent maps (on the window grid, or around each atom on the source image) as a stack
 * usable as a target map, the manifold of decoded patches and the loss per epoch as it trains; saves the
 * model into a folder for Encode with rVAE.
 */
@Plugin(type = Command.class, headless = true, label = "Train rVAE")
public class TrainRvaeCommand extends StemCommand {

	@Parameter(label = "Stack", persist = false)
	private ImagePlus stack;

	@Parameter(label = "Content latents", min = "1", max = "16", persist = false)
	private int latents = 2;

	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = 100;

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch = 100;

	@Parameter(label = "Learning rate (Adam)", persist = false)
	private double rate = 1e-3;

	@Parameter(label = "Seed", persist = false)
	private int seed = 0;

	@Parameter(label = "Angle prior sigma (rad; 0.1 nearly disables rotation)", persist = false)
	private double angle = Math.PI / 2;

	@Parameter(label = "Noise sigma of the Gaussian reconstruction", persist = false)
	private double noise = 0.1;

	@Parameter(label = "Likelihood", choices = { "gaussian", "bernoulli" }, persist = false)
	private String likelihood = "gaussian";

	@Parameter(label = "Rotation latent", persist = false)
	private boolean rotation = true;

	@Parameter(label = "Translation latents", persist = false)
	private boolean translation = true;

	@Parameter(label = "Convolutional encoder (3x3, filters = hidden units)", persist = false)
	private boolean convolutional = false;

	@Parameter(label = "Hidden units per layer", min = "1", persist = false)
	private int hidden = 128;

	@Parameter(label = "Manifold size (decoded patches per side)", min = "1", persist = false)
	private int manifold = 8;

	@Parameter(label = "Model folder (empty: ImageJ's temp folder)", required = false, persist = false)
	private File model;

	@Parameter(label = "rVAE latents", type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus maps;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus decoded;

	/** The loss plot as an image when no display shows it live (headless, batch mode); else null. */
	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus lossPlot;

	private double[] lossHistory = new double[0];

	@Override
	protected void execute() {
		PatchStack patches = RvaeImages.patches(stack);
		RvaeArchitecture arch = RvaeArchitecture.defaults(patches.width(), patches.height(), latents)
			.withHidden(hidden, hidden).withRotation(rotation).withTranslation(translation).withConvolutionalEncoder(convolutional)
			.withReconstruction(Reconstruction.parse(likelihood));
		RvaeTraining training = RvaeTraining.defaults().withEpochs(epochs).withBatchSize(batch).withLearningRate(rate)
			.withSeed(seed).withAnglePrior(angle, true).withNoise(noise);
		Path folder = model != null && !model.getPath().isBlank() ? model.toPath()
			: Path.of(IJ.getDirectory("temp") == null ? System.getProperty("java.io.tmpdir") : IJ.getDirectory("temp"),
				"rvae-" + stack.getShortTitle());
		IjProgress progress = new IjProgress("Train rVAE");
		boolean live = !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode() && IJ.getInstance() != null;
		Plot plot = new Plot("rVAE loss - " + stack.getShortTitle(), "epoch", "loss (-ELBO per item)");
		try (Rvae net = Rvae.create(arch, seed)) {
			new RvaeTrainer(training).train(net, patches, progress, (e, loss, rec) -> {
				lossHistory = Arrays.copyOf(lossHistory, e);
				lossHistory[e - 1] = loss;
				draw(plot, live, e == 1);
			});
			saveModel(net, training, folder);
			Latents lat = net.encode(patches);
			table = RvaeImages.table(lat);
			maps = RvaeImages.maps(MapStack.of(lat, patches, ImagePlusImages.readInfo(stack)),
				stack.getShortTitle() + "-rvae-maps", folder.toString());
			decoded = RvaeImages.manifold(net, manifold, stack.getShortTitle() + "-rvae-manifold");
		}
		if (!live) lossPlot = plot.getImagePlus();
		progress.done(patches.count() + " items, final loss " + String.format("%.4g", lossHistory[lossHistory.length - 1]) +
			"; model in " + folder);
	}

	private void draw(Plot plot, boolean live, boolean first) {
		double[] x = new double[lossHistory.length];
		Arrays.setAll(x, i -> i + 1);
		plot.setColor(Color.BLUE);
		if (first) plot.add("connected circle", x, lossHistory);
		else plot.replace(0, "connected circle", x, lossHistory);
		plot.setLimitsToFit(false);
		if (!live) return;
		if (first) plot.show();
		else plot.updateImage();
	}

	static void saveModel(Rvae net, RvaeTraining training, Path folder) {
		try {
			RvaeFile.save(net, training, folder);
		}
		catch (IOException e) {
			throw new InputException("cannot save the model into " + folder + ": " + e.getMessage() +
				"; choose another model folder");
		}
	}

	public ResultsTable table() {
		return table;
	}

	public ImagePlus maps() {
		return maps;
	}

	public ImagePlus manifold() {
		return decoded;
	}

	public ImagePlus lossPlot() {
		return lossPlot;
	}
}
