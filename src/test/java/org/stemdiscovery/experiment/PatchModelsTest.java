package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.workflow.Workflow;

/** The doors choose the online model by the offline workflow's number: the two registries must not drift apart. */
class PatchModelsTest {

	@Test
	void sameNamesAndSpellingsAsTheWorkflows() {
		assertEquals(Workflow.REGISTRY.names(), PatchModels.REGISTRY.names());
		for (String old : new String[] { "1 (FFT + unmixing)", "2 (FFT + rVAE)", "3 (atoms + rVAE)" })
			assertEquals(Workflow.REGISTRY.canonical(old), PatchModels.REGISTRY.canonical(old));
		InputException e = assertThrows(InputException.class, () -> PatchModels.REGISTRY.get("4"));
		assertEquals("workflow '4' is unknown; choose 1, 2 or 3", e.getMessage());
	}
}
