package org.stemdiscovery.fiji;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.EncodeParams;
import org.stemdiscovery.command.EncodeTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.RvaeTask;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › Encode with rVAE: the Fiji door onto {@link EncodeTask}: a model saved by Train
 * rVAE applied to the current stack, with the same latents table, latent maps and manifold.
 */
@Plugin(type = Command.class, headless = true, label = "Encode with rVAE")
public class EncodeRvaeCommand extends StemCommand {

	@Parameter(label = "Stack", persist = false)
	private ImagePlus stack;

	/** The model to apply: this door's file input (the command line's {@code --model}). */
	@Parameter(label = "Model folder (saved by Train rVAE)", persist = false)
	private File model;

	@Parameter(label = "Manifold size (decoded patches per side)", persist = false) private int manifold;
	@Parameter(label = "Threads (0 = default)", persist = false) private int threads;

	@Parameter(label = RvaeTask.LATENTS, type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus maps;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus decoded;

	@Override
	public Spec spec() {
		return EncodeParams.SPEC;
	}


	@Override
	protected void execute() {
		if (model == null || model.getPath().isBlank())
			throw new InputException("choose the model folder that Train rVAE saved (it holds rvae.json)");
		EncodeParams params = EncodeParams.from(values());
		IjProgress progress = new IjProgress(EncodeParams.SPEC.title());
		Result r = EncodeTask.run(RvaeImages.patches(stack), ImagePlusImages.readInfo(stack), model.toPath(), params,
			progress);
		table = Render.table(r.table(RvaeTask.LATENTS));
		maps = RvaeImages.maps(r, stack.getShortTitle());
		decoded = Render.image(r.image(RvaeTask.MANIFOLD), stack.getShortTitle());
		progress.done(r.summary());
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
}
