package org.stemdiscovery.vae;

import org.stemdiscovery.image.InputException;

/** How the decoder's output is compared with the patch: the likelihood term of the ELBO. */
public enum Reconstruction {
	/** Unit-variance Gaussian: {@code ½ Σ (x̂ − x)²} per patch, as AtomAI's "mse". */
	GAUSSIAN,
	/** Bernoulli with logits (data in [0, 1]): binary cross-entropy summed over pixels, as AtomAI's "ce". */
	BERNOULLI;

	public static Reconstruction parse(String s) {
		return switch (s.trim().toLowerCase()) {
			case "gaussian", "mse" -> GAUSSIAN;
			case "bernoulli", "ce" -> BERNOULLI;
			default -> throw new InputException("reconstruction '" + s + "' is unknown; choose gaussian or bernoulli");
		};
	}

	public String label() {
		return name().toLowerCase();
	}
}
