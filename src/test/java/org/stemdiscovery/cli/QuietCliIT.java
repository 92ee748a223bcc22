package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher prints only our lines: a verb that starts PyTorch (the atom finder) shows no SLF4J provider
 * warnings, no DJL warnings and no PyTorch C++ warnings (NNPACK on CPUs without AVX2), only its one result line.
 */
class QuietCliIT {

	@TempDir
	Path dir;

	@Test
	void aVerbThatStartsPyTorchPrintsOnlyItsOwnLine() throws Exception {
		Process p = new ProcessBuilder("scripts/stem-discovery", "atoms", "--image", "test-images/graphene_256.tif", "--out",
			dir.resolve("atoms").toString()).redirectErrorStream(true).start();
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "atoms did not finish");
		String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), log);
		assertEquals(1, log.strip().lines().count(), "one line, ours: " + log);
		assertTrue(log.contains("atoms") && log.contains("atoms.csv"), log);
	}
}
