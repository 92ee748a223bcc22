package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** The command line end to end, in-process: exit codes, files written, one-line messages. */
class CliTest {

	@TempDir
	Path dir;

	record Result(int code, String out, String err) {}

	static Result cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void fftWritesTheStackAndItsGrid() throws Exception {
		Path out = dir.resolve("fft");
		Result r = cli("fft", "--image", "test-images/pillars_256.tif", "--window", "64", "--step", "16", "--zoom", "2",
			"--out", out.toString());
		assertEquals(0, r.code(), r.err());
		TiffImage stack = Tiff.read(out.resolve("fft-stack.tif"));
		assertEquals(13 * 13, stack.planes());
		assertEquals(32, stack.width());
		Grid fromTiff = Grid.fromProperties(stack.info());
		@SuppressWarnings("unchecked")
		Map<String, String> json = (Map<String, String>) (Map<?, ?>) Json.parseObject(Files.readString(out.resolve(
			"grid.json"))).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
				e -> String.valueOf(e.getValue())));
		assertEquals(Grid.ofWindows(256, 256, 64, 16), fromTiff);
		assertEquals(fromTiff, Grid.fromProperties(json));
		assertEquals("true", stack.info().get("stemdiscovery.fft.log"));
	}

	@Test
	void existingResultsAreKeptUnlessForced() throws Exception {
		Path out = dir.resolve("keep");
		assertEquals(0, cli("fft", "--image", "test-images/pillars_256.tif", "--out", out.toString()).code());
		byte[] first = Files.readAllBytes(out.resolve("fft-stack.tif"));
		Result again = cli("fft", "--image", "test-images/pillars_256.tif", "--window", "32", "--out", out.toString());
		assertEquals(2, again.code());
		assertTrue(again.err().contains("already holds fft-stack.tif; choose another --out folder or add --force"),
			again.err());
		assertArrayEquals(first, Files.readAllBytes(out.resolve("fft-stack.tif")), "the earlier result is untouched");
		assertEquals(0, cli("fft", "--image", "test-images/pillars_256.tif", "--window", "32", "--out", out.toString(),
			"--force").code());
		assertEquals(32, Tiff.read(out.resolve("fft-stack.tif")).width());
	}

	@Test
	void badInputIsOneLineWithExitCode2() throws Exception {
		String img = "test-images/pillars_256.tif", out = dir.resolve("o").toString();
		expectError("window 300 px is larger than the 256 x 256 px image", "fft", "--image", img, "--window", "300",
			"--out", out);
		expectError("step 0 px is out of range; choose 1 to 4096", "fft", "--image", img, "--step", "0", "--out", out);
		expectError("zoom 20 leaves 2 px", "fft", "--image", img, "--window", "64", "--zoom", "20", "--out", out);
		expectError("no such file", "fft", "--image", dir.resolve("nope.tif").toString(), "--out", out);
		expectError("is empty (0 bytes)", "fft", "--image", Files.createFile(dir.resolve("empty.tif")).toString(),
			"--out", out);
		expectError("Unknown options: '--windw'", "fft", "--image", img, "--windw", "3", "--out", out);
		expectError("needs --image", "fft", "--out", out);
		expectError("window 'abc' is not a number", "fft", "--image", img, "--window", "abc", "--out", out);
		Path nan = dir.resolve("nan.tif");
		float[] px = new float[64 * 64];
		px[70] = Float.NaN;
		Tiff.writeFloat(nan, px, 64, 64, 1, Map.of());
		expectError("pixel (6, 1) is NaN", "fft", "--image", nan.toString(), "--window", "16", "--out", out);
		Path stack = dir.resolve("stack.tif");
		Tiff.writeFloat(stack, new float[64 * 64 * 2], 64, 64, 2, Map.of());
		expectError("has 2 planes", "fft", "--image", stack.toString(), "--window", "16", "--out", out);
		expectError("unknown command 'fourier'", "fourier");
	}

	private void expectError(String text, String... args) {
		Result r = cli(args);
		assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
		assertTrue(r.err().contains(text), r.err());
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
	}

	@Test
	void everyCommandHasHelp() {
		for (Verb v : Main.verbs()) {
			Result r = cli(v.spec().name(), "--help");
			assertEquals(0, r.code());
			assertTrue(r.out().contains("Usage: stem-discovery " + v.spec().name()), r.out());
		}
		assertEquals(cli("--help").out(), cli("help").out(), "'help' as older scripts wrote it");
		assertTrue(cli("help", "bo").out().contains("Usage: stem-discovery bo"));
		String overview = cli("--help").out();
		for (Verb v : Main.verbs())
			assertTrue(overview.contains(v.spec().name()), "the overview lists " + v.spec().name() + ": " + overview);
	}

	@Test
	void demoWritesItsPictures() throws Exception {
		Path out = dir.resolve("demo");
		Result r = cli("demo", "--image", "test-images/pillars_256.tif", "--window", "32", "--step", "16", "--out", out
			.toString());
		assertEquals(0, r.code(), r.err());
		for (String f : new String[] { "fft-stack.tif", "grid.png", "fft-montage.png" })
			assertTrue(Files.size(out.resolve(f)) > 1000, f);
		assertTrue(Grid.isIn(Tiff.read(out.resolve("fft-stack.tif")).info()));
		assertTrue(Json.parseObject(Files.readString(out.resolve("grid.json"))).containsKey("stemdiscovery.grid.cols"));
		var png = javax.imageio.ImageIO.read(out.resolve("grid.png").toFile());
		assertTrue(png.getWidth() >= 256, "the grid picture is at least the image's size");
		assertTrue(r.out().contains("wrote "), r.out());
		assertTrue(Files.size(out.resolve("workflow1/report.html")) > 1000, "the demo ends with workflow 1's report");
		assertTrue(r.out().contains("ground-truth mask discovered"), "the bundled mask is used: " + r.out());
	}

	/** An earlier demo's reports are refused before the demo writes anything (before, after the FFT files). */
	@Test
	void demoRefusesAnEarlierDemoBeforeAnyWork() throws Exception {
		Path out = dir.resolve("demo");
		Files.createDirectories(out.resolve("workflow1"));
		Files.writeString(out.resolve("workflow1/report.html"), "earlier");
		Result r = cli("demo", "--image", "test-images/pillars_256.tif", "--out", out.toString());
		assertEquals(2, r.code(), r.err());
		assertTrue(r.err().contains("workflow1/report.html") && r.err().contains("--force"), r.err());
		assertTrue(!Files.exists(out.resolve("fft-stack.tif")), "nothing written");
	}

	/** Before, the command line refused --threads 0, which meant every core in Fiji; now it means every core in both. */
	@Test
	void workflowTakesZeroThreadsAsEveryCore() throws Exception {
		Path out = dir.resolve("wf");
		Result r = cli("workflow", "--image", "test-images/pillars_256.tif", "--mask", "test-images/pillars_256_mask.tif",
			"--threads", "0", "--steps", "2", "--batch", "5", "--max-iter", "50", "--out", out.toString());
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("workflow 1: sliding FFT → NMF abundance on pillars_256.tif: target NMF component"), r
			.out());
		assertTrue(r.out().contains("ground-truth mask discovered"), r.out());
		for (String f : org.stemdiscovery.report.WorkflowReport.FILES)
			assertTrue(Files.exists(out.resolve(f)), f);
		var record = Json.parseObject(Files.readString(out.resolve("run.json")));
		@SuppressWarnings("unchecked")
		var bo = (Map<String, Object>) ((Map<String, Object>) record.get("parameters")).get("bo");
		assertEquals(Runtime.getRuntime().availableProcessors(), ((Number) bo.get("threads")).intValue());
		assertEquals(5, ((Number) bo.get("length_scale")).intValue());
	}

	/** --sizes 100000 is refused at once (before, it started generating and ran out of memory). */
	@Test
	void makeTestImagesRefusesAHugeSizeAtOnce() {
		Result r = cli("make-test-images", "--out", dir.resolve("ti").toString(), "--sizes", "100000");
		assertEquals(2, r.code());
		assertEquals("stem-discovery make-test-images: sizes 100000 px is out of range (one 100000 x 100000 scene needs about 223.5 GB of memory); choose 64 to 4096", r.err().strip());
		assertTrue(!Files.exists(dir.resolve("ti")));
	}

	/** The committed test images are exactly what the generator makes for seed 0: they can be regenerated. */
	@Test
	void committedTestImagesAreReproducible() throws Exception {
		Path out = dir.resolve("ti");
		assertEquals(0, cli("make-test-images", "--out", out.toString(), "--sizes", "256").code());
		for (String name : new String[] { "pillars_256", "wall_256", "graphene_256" })
			for (String suffix : new String[] { ".tif", "_mask.tif", "_atoms.csv", ".json" })
				assertArrayEquals(Files.readAllBytes(Path.of("test-images", name + suffix)), Files.readAllBytes(out.resolve(
					name + suffix)), name + suffix);
	}
}
