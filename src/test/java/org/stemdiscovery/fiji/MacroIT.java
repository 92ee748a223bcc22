package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ImageJ 1 macros in batch mode under Xvfb, with the plugin installed the way a user installs it: the
 * jar (its name has an underscore) in {@code plugins/}, registered by its plugins.config, loaded by
 * ImageJ's own class loader. Runs in {@code mvn verify} after the jar is built.
 */
class MacroIT {

	@TempDir
	static Path home;

	private static Path pluginsDir;

	@BeforeAll
	static void install() throws IOException {
		boolean xvfb = new File("/usr/bin/xvfb-run").canExecute();
		if (!xvfb && System.getenv("CI") != null) fail("xvfb-run is missing: .ci/run installs it (apt-get install xvfb xauth)");
		Assumptions.assumeTrue(xvfb, "xvfb-run is not installed; skipping the ImageJ macro tests");
		Path jar = Path.of(System.getProperty("stemdiscovery.jar", "target/none.jar"));
		assertTrue(Files.isRegularFile(jar), "the plugin jar " + jar + " was not built");
		assertTrue(jar.getFileName().toString().contains("_"), "ImageJ installs only jars with an underscore");
		pluginsDir = Files.createDirectories(home.resolve("plugins"));
		Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
	}

	/** Runs a macro file; returns {exit code, stdout+stderr}. A macro that hangs fails the test. */
	private static Object[] runMacro(Path macro, String arg) throws Exception {
		String lib = System.getProperty("stemdiscovery.lib", "target/lib");
		String cp = String.join(File.pathSeparator, Path.of("target", "test-classes").toString(), lib + File.separator + "*");
		List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "-Xmx2g", "-Dplugins.dir=" + home, "-cp", cp, MacroLauncher.class.getName(),
			macro.toString(), arg));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			fail("the macro did not finish within 180 s (a modal dialog?)");
		}
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Object[] { p.exitValue(), out };
	}

	@Test
	void theShippedMacroRunsSlidingFftAndTheGridSurvivesSaving() throws Exception {
		Path out = Files.createDirectories(home.resolve("out"));
		Object[] r = runMacro(Path.of("scripts/sliding-fft-stack.ijm"), Path.of("test-images/pillars_512.tif")
			.toAbsolutePath() + "|" + out);
		String log = (String) r[1];
		assertEquals(0, r[0], log);
		assertTrue(log.contains("stack: pillars_512-fft frames=841 frame=32x32"), log);
		assertTrue(log.contains("grid: cols=29 rows=29 step=16 source=pillars_512.tif"), log);
		assertTrue(log.contains("windows table rows=841 first centre=31.5,31.5"), log);
		assertTrue(log.contains("reopened: frames=841 cols=29"), log);
		assertTrue(Files.size(out.resolve("fft-stack.tif")) > 841 * 32 * 32 * 4);
		assertTrue(log.contains("MACRO OK"), log);
	}

	/** Issue 7: the five-command chain of workflow 1 by hand, then Run AE Workflow, in a real macro. */
	@Test
	void workflowOneChainsByHandAndInOneCommand() throws Exception {
		Object[] r = runMacro(Path.of("scripts/workflow1.ijm"), Path.of("test-images/pillars_256.tif").toAbsolutePath()
			.toString());
		String log = (String) r[1];
		assertEquals(0, r[0], log);
		assertTrue(log.contains("grid 29x29"), log);
		assertTrue(log.contains("BO: 11 steps, 101 points"), log);
		assertTrue(log.matches("(?s).*overlay elements on the source: [1-9].*"), log);
		assertTrue(log.contains("Run AE Workflow: 11 steps"), log);
		assertTrue(log.contains("MACRO OK"), log);
	}

	/** Issue 7: workflow 3 by hand, from atom finding to BO on a latent map, in a real macro. */
	@Test
	void workflowThreeChainsByHand() throws Exception {
		Object[] r = runMacro(Path.of("scripts/workflow3.ijm"), Path.of("test-images/wall_256.tif").toAbsolutePath()
			.toString());
		String log = (String) r[1];
		assertEquals(0, r[0], log);
		assertTrue(log.matches("(?s).*atoms: [1-9]\\d{2,}.*"), log);
		assertTrue(log.contains("latent maps: 5 of 256x256"), log);
		assertTrue(log.contains("BO: 6 steps, 51 points"), log);
	}

	@Test
	void badOptionsStopTheMacroWithTheMessageInsteadOfHanging() throws Exception {
		Path macro = home.resolve("bad.ijm");
		Files.writeString(macro, "open(getArgument());\nrun(\"Sliding FFT Stack\", \"window=999 step=16\");\n" +
			"print(\"SHOULD NOT BE REACHED\");\n");
		Object[] r = runMacro(macro, Path.of("test-images/pillars_256.tif").toAbsolutePath().toString());
		String log = (String) r[1];
		assertEquals(3, r[0], log);
		assertTrue(log.contains("window 999 px is larger than the 256 x 256 px image"), log);
		assertTrue(!log.contains("SHOULD NOT BE REACHED"), log);
	}
}
