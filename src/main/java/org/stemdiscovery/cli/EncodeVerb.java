package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.EncodeParams;
import org.stemdiscovery.command.EncodeTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.vae.PatchStack;

/** {@code stem-discovery encode}: renders {@link EncodeTask} as latents.csv, latent-maps.tif and manifold.tif. */
final class EncodeVerb implements Verb {

	@Override
	public Spec spec() {
		return EncodeParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("stack", "S.tif",
			"stack TIFF of the patch size the model was trained on; a window grid or atom positions in its Info lay " +
				"out the maps"),
			FileOption.required("model", "DIR", "folder of a saved model (rvae.json, rvae.params): 'rvae --out D' saves D/model"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(RvaeVerb.LATENTS, RvaeVerb.MAPS, RvaeVerb.MANIFOLD);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage tif = call.tiff("stack");
		PatchStack stack = new PatchStack(tif.pixels(), tif.width(), tif.height(), tif.planes());
		Result r = EncodeTask.run(stack, tif.info(), call.file("model"), EncodeParams.from(call.values()), Progress.NONE);
		RvaeVerb.writeEncoded(call.out(), r);
		call.println(r.summary() + " -> " + call.out());
	}
}
