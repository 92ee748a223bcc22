package org.stemdiscovery.fiji;

import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;

import org.stemdiscovery.command.FloatImage;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.RvaeTask;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.vae.PatchStack;

/** What Train rVAE and Encode with rVAE share in Fiji: the stack in, the labelled latent maps out. */
final class RvaeImages {

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

	/** The latent maps titled {@code <stack>-rvae-maps}, one slice per latent labelled with its name. */
	static ImagePlus maps(Result r, String stackShortTitle) {
		FloatImage img = r.image(RvaeTask.MAPS);
		ImagePlus imp = Render.image(img, stackShortTitle);
		List<String> labels = RvaeTask.planeLabels(img);
		for (int j = 0; j < labels.size() && j < imp.getStackSize(); j++)
			imp.getStack().setSliceLabel(labels.get(j), j + 1);
		imp.resetDisplayRange();
		return imp;
	}
}
