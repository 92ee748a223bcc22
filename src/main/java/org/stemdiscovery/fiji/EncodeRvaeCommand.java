package org.stemdiscovery.fiji;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.MapStack;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeFile;

/**
 * Plugins › STEM Discovery › Encode with rVAE: applies a model saved by Train rVAE to the current stack and
 * shows the same latents table, latent maps and manifold.
 */
@Plugin(type = Command.class, headless = true, label = "Encode with rVAE")
public class EncodeRvaeCommand extends StemCommand {

	@Parameter(label = "Stack", persist = false)
	private ImagePlus stack;

	@Parameter(label = "Model folder (saved by Train rVAE)", persist = false)
	private File model;

	@Parameter(label = "Manifold size (decoded patches per side)", min = "1", persist = false)
	private int manifold = 8;

	@Parameter(label = "rVAE latents", type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus maps;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus decoded;

	@Override
	protected void execute() {
		if (model == null || model.getPath().isBlank())
			throw new InputException("choose the model folder that Train rVAE saved (it holds rvae.json)");
		PatchStack patches = RvaeImages.patches(stack);
		IjProgress progress = new IjProgress("Encode with rVAE");
		try (Rvae net = RvaeFile.load(model.toPath())) {
			Latents lat = net.encode(patches);
			table = RvaeImages.table(lat);
			maps = RvaeImages.maps(MapStack.of(lat, patches, ImagePlusImages.readInfo(stack)),
				stack.getShortTitle() + "-rvae-maps", model.getPath());
			decoded = RvaeImages.manifold(net, manifold, stack.getShortTitle() + "-rvae-manifold");
		}
		progress.done(patches.count() + " items encoded");
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
