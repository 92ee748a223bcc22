package org.stemdiscovery.fiji;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
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
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.RvaeParams;
import org.stemdiscovery.command.RvaeTask;
import org.stemdiscovery.command.Spec;

/**
 * Plugins › STEM Discovery › Train rVAE: the Fiji door onto {@link RvaeTask}. Shows the latents table, the
 * latent maps (a stack usable as a target map), the manifold of decoded patches and the loss per epoch as it
 * trains; saves the model into a folder for Encode with rVAE. Labels, defaults, ranges and choices are
 * {@link RvaeParams#SPEC}'s (see {@link StemCommand}).
 */
@Plugin(type = Command.class, headless = true, label = "Train rVAE")
public class TrainRvaeCommand extends StemCommand {

	@Parameter(label = "Stack", persist = false)
	private ImagePlus stack;

	@Parameter(label = "Content latents", persist = false) private int latents;
	@Parameter(label = "Epochs", persist = false) private int epochs;
	@Parameter(label = "Batch size", persist = false) private int batch;
	@Parameter(label = "Learning rate (Adam)", persist = false) private double rate;
	@Parameter(label = "Seed", persist = false) private int seed;
	@Parameter(label = "Angle prior sigma (rad; 0.1 nearly disables rotation)", persist = false) private double angle;
	@Parameter(label = "Noise sigma of the Gaussian reconstruction", persist = false) private double noise;
	@Parameter(label = "Likelihood", persist = false) private String likelihood;
	@Parameter(label = "Rotation latent", persist = false) private boolean rotation;
	@Parameter(label = "Translation latents", persist = false) private boolean translation;
	@Parameter(label = "Convolutional encoder (3x3, filters = hidden units)", persist = false) private boolean convolutional;
	@Parameter(label = "Hidden units per layer", persist = false) private int hidden;
	@Parameter(label = "Decoder units per layer (0 = hidden units)", persist = false) private int decoder;
	@Parameter(label = "Manifold size (decoded patches per side)", persist = false) private int manifold;
	@Parameter(label = "Threads (0 = default)", persist = false) private int threads;

	/** Where the model is saved: this door's output location (the command line saves into {@code --out}/model). */
	@Parameter(label = "Model folder (empty: ImageJ's temp folder)", required = false, persist = false)
	private File model;

	@Parameter(label = RvaeTask.LATENTS, type = ItemIO.OUTPUT)
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
	public Spec spec() {
		return RvaeParams.SPEC;
	}


	@Override
	protected void execute() {
		RvaeParams params = RvaeParams.from(values());
		Path folder = model != null && !model.getPath().isBlank() ? model.toPath()
			: Path.of(IJ.getDirectory("temp") == null ? System.getProperty("java.io.tmpdir") : IJ.getDirectory("temp"),
				"rvae-" + stack.getShortTitle());
		IjProgress progress = new IjProgress(RvaeParams.SPEC.title());
		boolean live = !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode() && IJ.getInstance() != null;
		Plot plot = new Plot("rVAE loss - " + stack.getShortTitle(), "epoch", "loss (-ELBO per item)");
		Result r = RvaeTask.run(RvaeImages.patches(stack), ImagePlusImages.readInfo(stack), folder, params, progress,
			(e, loss, rec) -> {
				lossHistory = Arrays.copyOf(lossHistory, e);
				lossHistory[e - 1] = loss;
				draw(plot, live, e == 1);
			});
		table = Render.table(r.table(RvaeTask.LATENTS));
		maps = RvaeImages.maps(r, stack.getShortTitle());
		decoded = Render.image(r.image(RvaeTask.MANIFOLD), stack.getShortTitle());
		if (!live) lossPlot = plot.getImagePlus();
		progress.done(r.summary());
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
