package org.stemdiscovery.command;

import java.nio.file.Path;
import java.util.Map;

import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeFile;

/** The work of Encode with rVAE: a saved model applied to a stack, with {@link RvaeTask}'s table and images. */
public final class EncodeTask {

	private EncodeTask() {}

	/** @param stackInfo the stack's Info (a window grid or atom positions lay out the maps); may be empty */
	public static Result run(PatchStack stack, Map<String, String> stackInfo, Path modelFolder, EncodeParams params,
		Progress progress) {
		progress.report(0, "encoding " + stack.count() + " items");
		try (Rvae net = RvaeFile.load(modelFolder, params.threads())) {
			return RvaeTask.outputs(net, stack, stackInfo, modelFolder, params.manifold());
		}
	}
}
