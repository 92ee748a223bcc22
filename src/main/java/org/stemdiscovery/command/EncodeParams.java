package org.stemdiscovery.command;

import java.util.List;

/**
 * Encode with rVAE / {@code stem-discovery encode}: the parameters, declared once in {@link #SPEC}. The model
 * folder and the stack are the door's inputs (a file chooser, {@code --model}, {@code --stack}).
 *
 * @param threads PyTorch threads; 0 = {@link org.stemdiscovery.torch.TorchEngine}'s default
 */
public record EncodeParams(int manifold, int threads) {

	public static final Spec SPEC = new Spec("encode", "Encode with rVAE",
		"apply a saved rVAE to a stack (writes latents.csv, latent-maps.tif, manifold.tif)",
		"Applies a model saved by Train rVAE (or 'rvae', in DIR/model) to every plane of a stack of the size it was " +
			"trained on, and gives the same latents table, latent maps and manifold as training does.",
		List.of(
			RvaeParams.SPEC.param("manifold"),
			Threads.torchParam()));

	public static EncodeParams from(Values v) {
		return new EncodeParams(v.integer("manifold"), v.integer("threads"));
	}
}
