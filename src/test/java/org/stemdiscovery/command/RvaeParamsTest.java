package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.vae.Reconstruction;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeTraining;

class RvaeParamsTest {

	@Test
	void theDefaultsAreTheCoresDefaults() {
		RvaeParams p = RvaeParams.from(RvaeParams.SPEC.defaults());
		assertEquals(RvaeTraining.defaults(), p.training());
		assertEquals(RvaeArchitecture.defaults(12, 10, 2), p.architecture(12, 10));
		assertEquals(8, p.manifold());
		assertEquals(0, p.threads(), "0 = TorchEngine's default for training");
		assertEquals(new EncodeParams(8, 0), EncodeParams.from(EncodeParams.SPEC.defaults()));
	}

	@Test
	void theMacroKeysOfExistingMacrosStay() {
		assertEquals(List.of("content", "epochs", "batch", "learning", "seed", "angle", "noise", "likelihood", "rotation",
			"translation", "convolutional", "hidden", "decoder", "manifold", "threads"), RvaeParams.SPEC.params().stream()
				.map(Param::macroKey).toList());
		assertEquals(List.of("manifold", "threads"), EncodeParams.SPEC.params().stream().map(Param::macroKey).toList());
	}

	@Test
	void hiddenSetsBothNetworksUnlessTheDecoderIsGiven() {
		RvaeArchitecture a = RvaeParams.from(RvaeParams.SPEC.parse(Map.of("hidden", 16))).architecture(8, 8);
		assertEquals(16, a.encoderHidden());
		assertEquals(16, a.decoderHidden());
		RvaeArchitecture b = RvaeParams.from(RvaeParams.SPEC.parse(Map.of("hidden", "16", "decoder", "4",
			"likelihood", "ce", "rotation", "false", "convolutional", "on"))).architecture(8, 8);
		assertEquals(4, b.decoderHidden());
		assertEquals(Reconstruction.BERNOULLI, b.reconstruction(), "AtomAI's spelling still accepted");
		assertTrue(!b.rotation() && b.convolutional());
	}

	@Test
	void badValuesAreRefusedWithTheRange() {
		InputException e = assertThrows(InputException.class, () -> RvaeParams.SPEC.parse(Map.of("latents", 17)));
		assertTrue(e.getMessage().contains("choose 1 to 16"), e.getMessage());
		InputException l = assertThrows(InputException.class, () -> RvaeParams.SPEC.parse(Map.of("likelihood", "poisson")));
		assertTrue(l.getMessage().contains("gaussian or bernoulli"), l.getMessage());
		InputException r = assertThrows(InputException.class, () -> RvaeParams.from(RvaeParams.SPEC.parse(Map.of("rate",
			0))).training());
		assertTrue(r.getMessage().contains("1e-3 is usual"), r.getMessage());
	}
}
