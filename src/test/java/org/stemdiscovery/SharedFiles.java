package org.stemdiscovery;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Files from {@code ../shared} beside the checkout; tests that need them skip cleanly when it is absent. */
public final class SharedFiles {

	private SharedFiles() {}

	/** The shared file at {@code relative} (e.g. "reference/fft/pillars_256_w32s8.tif"), or a skipped test. */
	public static Path require(String relative) {
		Path p = Path.of("..", "shared").resolve(relative);
		Assumptions.assumeTrue(Files.exists(p), "../shared/" + relative + " is not here; skipping");
		return p;
	}
}
