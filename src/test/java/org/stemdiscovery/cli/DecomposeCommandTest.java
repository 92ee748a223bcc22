package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.command.FftTask;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/** {@code stem-discovery decompose} ({@link DecomposeVerb}) end to end through {@link Main#run}. */
class DecomposeCommandTest {

	record Result(int rc, String out, String err) {}

	static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
		return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Path fftStack(Path dir) throws Exception {
		SyntheticImage img = PillarScene.defaults().generate(160, 160, 3);
		Path image = dir.resolve("pillars.tif");
		Tiff.writeFloat(image, img.noisy(), 160, 160, 1, Map.of());
		Path fft = dir.resolve("fft");
		Result r = run("fft", "--image", image.toString(), "--window", "32", "--step", "8", "--threads", "1", "--out",
			fft.toString());
		assertEquals(0, r.rc(), r.err());
		return fft.resolve(FftTask.STACK_FILE);
	}

	@Test
	void writesComponentsAbundanceMapsAndTable(@TempDir Path dir) throws Exception {
		Path stack = fftStack(dir);
		Grid grid = Grid.fromProperties(Tiff.read(stack).info());
		for (String method : new String[] { "nmf", "svd", "nfindr" }) {
			Path out = dir.resolve(method);
			Result r = run("decompose", "--stack", stack.toString(), "--method", method, "--k", "3", "--max-iter", "200",
				"--threads", "1", "--out", out.toString());
			assertEquals(0, r.rc(), r.err());
			assertTrue(r.out().contains("relative error"), r.out());
			TiffImage comps = Tiff.read(out.resolve("components.tif"));
			assertEquals(3, comps.planes());
			assertEquals(32, comps.width());
			TiffImage maps = Tiff.read(out.resolve("abundances.tif"));
			assertEquals(3, maps.planes());
			assertEquals(grid.cols(), maps.width());
			assertEquals(grid.rows(), maps.height());
			assertEquals(grid, Grid.fromProperties(maps.info()));
			assertEquals(method, maps.info().get("stemdiscovery.decompose.method"));
			Csv.Table t = Csv.read(out.resolve("decomposition.csv"));
			assertEquals(3, t.rows().size());
			double shares = 0;
			for (double[] row : t.rows())
				shares += row[t.column("share")];
			if (!method.equals("svd")) assertEquals(1, shares, 1e-6, method);
			else assertTrue(shares < 1);
			assertTrue(Files.readString(out.resolve("decomposition.json")).contains("\"relative_error\""));
		}
		Result again = run("decompose", "--stack", stack.toString(), "--out", dir.resolve("svd").toString());
		assertEquals(2, again.rc(), "existing outputs are not overwritten without --force");
		assertTrue(again.err().contains("--force"), again.err());
	}

	@Test
	void readsTheGridFromGridJsonWhenTheStackHasNoInfo(@TempDir Path dir) throws Exception {
		Path stack = fftStack(dir);
		TiffImage t = Tiff.read(stack);
		Path bare = dir.resolve("fft/bare.tif");
		Tiff.writeFloat(bare, t.pixels(), t.width(), t.height(), t.planes(), Map.of());
		Result r = run("decompose", "--stack", bare.toString(), "--method", "svd", "--k", "2", "--out",
			dir.resolve("out").toString());
		assertEquals(0, r.rc(), r.err());
		TiffImage maps = Tiff.read(dir.resolve("out/abundances.tif"));
		assertEquals(Grid.fromProperties(t.info()), Grid.fromProperties(maps.info()));
	}

	@Test
	void badInputGetsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
		Path image = dir.resolve("flat.tif");
		Tiff.writeFloat(image, new float[64 * 64], 64, 64, 1, Map.of());
		Result single = run("decompose", "--stack", image.toString(), "--out", dir.resolve("o").toString());
		assertEquals(2, single.rc());
		assertTrue(single.err().contains("single 2-D image"), single.err());
		Path stack = fftStack(dir);
		Result k = run("decompose", "--stack", stack.toString(), "--k", "0", "--out", dir.resolve("o").toString());
		assertEquals(2, k.rc());
		assertTrue(k.err().contains("components 0") && k.err().contains("choose 1 to 64"), k.err());
		Result method = run("decompose", "--stack", stack.toString(), "--method", "ica", "--out",
			dir.resolve("o").toString());
		assertEquals(2, method.rc());
		assertTrue(method.err().contains("nmf, svd, nfindr"), method.err());
		assertEquals(1, method.err().trim().lines().count());
	}

	/** Drift fixed: '--threads 0' was refused here while Fiji took it as every core; now both read the spec. */
	@Test
	void zeroThreadsMeansEveryCore(@TempDir Path dir) throws Exception {
		Path stack = fftStack(dir);
		Result r = run("decompose", "--stack", stack.toString(), "--method", "svd", "--k", "2", "--threads", "0", "--out",
			dir.resolve("o").toString());
		assertEquals(0, r.rc(), r.err());
	}

	/** Fiji's names (components, iterations) and its older CLI spellings (--k, --max-iter, n-findr) all work. */
	@Test
	void bothDoorsNamesAndTheOlderSpellingsAreAccepted(@TempDir Path dir) throws Exception {
		Path stack = fftStack(dir);
		Result r = run("decompose", "--stack", stack.toString(), "--method", "n-findr", "--components", "2",
			"--iterations", "5", "--start", "random", "--seed", "1", "--threads", "1", "--out", dir.resolve("a").toString());
		assertEquals(0, r.rc(), r.err());
		assertEquals(List.of("component", "share", "min", "mean", "max", "endmember_frame", "x", "y"), header(dir
			.resolve("a/decomposition.csv")));
		Map<String, Object> json = Json.parseObject(Files.readString(dir.resolve("a/decomposition.json")));
		assertEquals(List.of("stack", "method", "k", "frames", "features", "relative_error", "share", "iterations",
			"converged", "seconds", "grid"), List.copyOf(json.keySet()));
		assertEquals("nfindr", json.get("method"));
		assertEquals(stack.toString(), json.get("stack"));
		Result svd = run("decompose", "--stack", stack.toString(), "--method", "svd", "--k", "2", "--max-iter", "50",
			"--threads", "1", "--out", dir.resolve("b").toString());
		assertEquals(0, svd.rc(), svd.err());
		assertEquals(List.of("component", "share", "min", "mean", "max", "singular_value"), header(dir.resolve(
			"b/decomposition.csv")));
		Result mu = run("decompose", "--stack", stack.toString(), "--method", "mu", "--k", "2", "--max-iter", "20",
			"--tol", "1e-3", "--shift", "--threads", "1", "--out", dir.resolve("c").toString());
		assertEquals(0, mu.rc(), mu.err());
		Result start = run("decompose", "--stack", stack.toString(), "--start", "vca", "--out", dir.resolve("d")
			.toString());
		assertEquals(2, start.rc());
		assertTrue(start.err().contains("atgp or random"), start.err());
	}

	@Test
	void helpListsEveryParameterWithItsDefault() {
		Result r = run("decompose", "--help");
		assertEquals(0, r.rc(), r.err());
		for (String option : new String[] { "--stack", "--method", "--components", "--k", "--iterations", "--max-iter",
			"--tol", "--start", "--shift", "--threads", "--out", "--force" })
			assertTrue(r.out().contains(option), option + " in\n" + r.out());
		assertTrue(r.out().contains("nmf, svd, nfindr, nmf-mu"), r.out());
	}

	static List<String> header(Path csv) throws Exception {
		return List.of(Files.readAllLines(csv).get(0).split(","));
	}
}
