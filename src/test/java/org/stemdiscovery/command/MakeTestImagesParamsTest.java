package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

class MakeTestImagesParamsTest {

	private static MakeTestImagesParams params(String sizes) {
		return MakeTestImagesParams.from(MakeTestImagesParams.SPEC.parse(Map.of("sizes", sizes)));
	}

	/** Before, --sizes 100000 started generating and ran out of memory; now it is refused while parsing. */
	@Test
	void sizesAreBoundedAndParsed() {
		assertEquals(List.of(256, 512), params("256, 512").sizes());
		for (String bad : List.of("100000", "16", "256,x")) {
			InputException e = assertThrows(InputException.class, () -> params(bad));
			assertTrue(e.getMessage().startsWith("sizes "), e.getMessage());
		}
		assertTrue(assertThrows(InputException.class, () -> params("100000")).getMessage().contains("choose 64 to 4096"));
	}

	@Test
	void everyFileIsListedForTheOutputCheck() {
		List<String> f = params("256").files();
		assertEquals(12, f.size());
		assertTrue(f.containsAll(List.of("pillars_256.tif", "wall_256_mask.tif", "graphene_256_atoms.csv",
			"graphene_256.json")), f.toString());
	}
}
