package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless batch script over a folder of TIFFs, as a user runs it (after the jar is built). */
class BatchScriptIT {

	@TempDir
	Path dir;

	@Test
	void oneReportPerImageAndMasksAreUsedNotRun() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in")), out = dir.resolve("out");
		Files.copy(Path.of("test-images/pillars_256.tif"), in.resolve("pillars.tif"));
		Files.copy(Path.of("test-images/pillars_256_mask.tif"), in.resolve("pillars_mask.tif"));
		Files.copy(Path.of("test-images/wall_256.tif"), in.resolve("wall.tif"));
		Process p = new ProcessBuilder("scripts/batch-workflow", in.toString(), out.toString(), "--steps", "3", "--threads",
			"1").redirectErrorStream(true).start();
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "batch did not finish");
		String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), log);
		assertTrue(Files.size(out.resolve("pillars/report.html")) > 1000, log);
		assertTrue(Files.size(out.resolve("wall/report.html")) > 1000, log);
		assertFalse(Files.exists(out.resolve("pillars_mask")), "a mask is not an image");
		assertTrue(log.contains("ground-truth mask discovered"), "the mask beside pillars.tif was used: " + log);
		assertTrue(log.contains("2 report(s)"), log);
	}
}
