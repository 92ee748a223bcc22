package org.stemdiscovery.vae;

import org.stemdiscovery.image.Registry;

/** How the decoder's output is compared with the patch: the likelihood term of the ELBO. */
public enum Reconstruction {
	/** Unit-variance Gaussian: {@code ½ Σ (x̂ − x)²} per patch, as AtomAI's "mse". */
	GAUSSIAN,
	/** Bernoulli with logits (data in [0, 1]): binary cross-entropy summed over pixels, as AtomAI's "ce". */
	BERNOULLI;

	/** The likelihoods by name, with AtomAI's names ("mse", "ce") as older spellings. */
	public static final Registry<Reconstruction> REGISTRY = Registry.<Reconstruction>of("reconstruction")
		.add("gaussian", GAUSSIAN, "mse").add("bernoulli", BERNOULLI, "ce");

	public static Reconstruction parse(String s) {
		return REGISTRY.get(s);
	}

	public String label() {
		return name().toLowerCase();
	}
}
