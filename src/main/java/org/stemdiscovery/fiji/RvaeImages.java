package org.stemdiscovery.fiji;

import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.vae.Latents;
import org.stemdiscovery.vae.MapStack;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;

/** What Train rVAE and Encode with rVAE share: the stack in, the table, maps and manifold out. */
final class RvaeImages {

	/** Info key naming the folder of the model that made the maps. */
	static final String MODEL_KEY = "stemdiscovery.rvae.model";

	private RvaeImages() {}

	/** Every plane of {@code imp} as 32-bit patches (8-, 16- and 32-bit stacks; RGB is refused). */
	static PatchStack patches(ImagePlus imp) {
		if (imp == null) throw new InputException("no stack is open; open a Sliding FFT or atom-patch stack first");
		if (imp.getBitDepth() == 24) throw new InputException("'" + imp.getTitle() +
			"' is an RGB colour stack; convert it to grey levels first (Image › Type › 32-bit)");
		ImageStack st = imp.getStack();
		int w = imp.getWidth(), h = imp.getHeight(), n = st.getSize();
		float[] data = new float[n * w * h];
		for (int i = 0; i < n; i++) {
			float[] p = (float[]) st.getProcessor(i + 1).convertToFloatProcessor().getPixels();
			System.arraycopy(p, 0, data, i * w * h, w * h);
		}
		return new PatchStack(data, w, h, n);
	}

	/** One row per item: item, each latent, each latent's standard deviation. */
	static ResultsTable table(Latents latents) {
		ResultsTable rt = new ResultsTable();
		for (int i = 0; i < latents.size(); i++) {
			rt.incrementCounter();
			rt.addValue("item", i + 1);
			double[] row = latents.row(i);
			for (int j = 0; j < row.length; j++)
				rt.addValue(latents.header().get(j), row[j]);
		}
		return rt;
	}

	/** The maps as a 32-bit stack, one labelled slice per latent, geometry in its Info. */
	static ImagePlus maps(MapStack maps, String title, String model) {
		ImageStack st = new ImageStack(maps.width(), maps.height());
		int n = maps.width() * maps.height();
		for (int j = 0; j < maps.planes(); j++) {
			float[] plane = new float[n];
			System.arraycopy(maps.data(), j * n, plane, 0, n);
			st.addSlice(maps.labels().get(j), new FloatProcessor(maps.width(), maps.height(), plane));
		}
		ImagePlus imp = new ImagePlus(title, st);
		ImagePlusImages.putInfo(imp, maps.info());
		if (model != null) ImagePlusImages.putInfo(imp, Map.of(MODEL_KEY, model));
		imp.resetDisplayRange();
		return imp;
	}

	/** AtomAI's manifold: decoded patches over a d × d grid of z1 (right) and z2 (up). */
	static ImagePlus manifold(Rvae model, int d, String title) {
		float[] img = model.manifold(d);
		ImagePlus imp = new ImagePlus(title, new FloatProcessor(d * model.architecture().width(), model.manifoldHeight(d), img));
		imp.resetDisplayRange();
		return imp;
	}
}
