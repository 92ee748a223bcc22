package org.stemdiscovery.cli;

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
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/** {@code stem-discovery decompose} end to end through {@link Main#run}. */
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
		return fft.resolve(FftCommand.STACK);
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
		assertTrue(k.err().contains("k 0"), k.err());
		Result method = run("decompose", "--stack", stack.toString(), "--method", "ica", "--out",
			dir.resolve("o").toString());
		assertEquals(2, method.rc());
		assertTrue(method.err().contains("nmf, svd, nfindr"), method.err());
		assertEquals(1, method.err().trim().lines().count());
	}
}
