package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class BoCliTest {

	private static Path target(Path dir, boolean constant) throws IOException {
		int w = 32, h = 28;
		float[] t = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				t[y * w + x] = constant ? 1 : (float) Math.exp(-((x - 9) * (x - 9) + (y - 20) * (y - 20)) / 20.0);
		Path p = dir.resolve(constant ? "flat.tif" : "target.tif");
		Tiff.writeFloat(p, t, w, h, 1, Map.of());
		return p;
	}

	private record Result(int rc, String out, String err) {}

	private static Result run(String... args) {
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		int rc = Main.run(args, new PrintStream(o, true), new PrintStream(e, true));
		return new Result(rc, o.toString(), e.toString());
	}

	@Test
	void boWritesStepsPointsRunRecordAndMaps(@TempDir Path dir) throws IOException {
		Path t = target(dir, false), out = dir.resolve("run");
		Result r = run("bo", "--target", t.toString(), "--out", out.toString(), "--steps", "3", "--batch", "4", "--length",
			"3", "--kernel", "rq", "--acq", "ucb", "--threads", "1", "--travel-cost", "0.001");
		assertEquals(0, r.rc(), r.err());
		Csv.Table steps = Csv.read(out.resolve("steps.csv"));
		assertEquals(4, steps.rows().size());
		assertEquals(1 + 3 * 4, (int) steps.rows().get(3)[steps.column("points")]);
		Csv.Table points = Csv.read(out.resolve("points.csv"));
		assertEquals(13, points.rows().size());
		TiffImage mean = Tiff.read(out.resolve("mean.tif")), std = Tiff.read(out.resolve("std.tif"));
		assertEquals(4, mean.planes());
		assertEquals(4, std.planes());
		assertEquals(32, mean.width());
		Map<String, Object> record = Json.parseObject(Files.readString(out.resolve("run.json")));
		@SuppressWarnings("unchecked")
		BoSettings s = BoSettings.fromMap((Map<String, ?>) record.get("settings"));
		assertEquals("rq", s.kernel());
		assertEquals("ucb", s.acquisition());
		assertEquals(13, ((List<?>) record.get("points")).size());
		// the values measured are the target's
		TiffImage tgt = Tiff.read(t);
		for (double[] p : points.rows())
			assertEquals(tgt.pixels()[(int) p[1] * 32 + (int) p[0]], p[2], 1e-7);
		// not overwritten without --force
		Result again = run("bo", "--target", t.toString(), "--out", out.toString());
		assertEquals(2, again.rc());
		assertTrue(again.err().contains("--force"), again.err());
	}

	@Test
	void boRejectsBadInputWithOneLine(@TempDir Path dir) throws IOException {
		Path flat = target(dir, true), t = target(dir, false);
		Result r = run("bo", "--target", flat.toString(), "--out", dir.resolve("a").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("constant"), r.err());
		r = run("bo", "--target", t.toString(), "--out", dir.resolve("b").toString(), "--length", "0");
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("length 0 px is out of range; choose 0.01 to 1000000"), r.err()); // the spec refuses it now
		r = run("bo", "--target", t.toString(), "--out", dir.resolve("c").toString(), "--batch", "100", "--steps", "10");
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("exceed the 896 pixels"), r.err());
		assertEquals(1, r.err().strip().lines().count());
	}

	/** Before, an unknown kernel escaped as an IllegalArgumentException: a stack trace and exit code 1. */
	@Test
	void anUnknownKernelIsOneLineNamingTheKernelsInEveryVerb(@TempDir Path dir) throws IOException {
		Path t = target(dir, false);
		for (String[] args : List.of(new String[] { "bo", "--target", t.toString(), "--out", dir.resolve("a").toString(),
			"--kernel", "cubic" }, new String[] { "sweep", "--target", t.toString(), "--out", dir.resolve("b").toString(),
				"--kernels", "rbf,cubic" }, new String[] { "workflow", "--workflow", "1", "--image", t.toString(), "--out",
					dir.resolve("c").toString(), "--kernel", "cubic" })) {
			Result r = run(args);
			assertEquals(2, r.rc(), args[0] + ": " + r.err());
			assertEquals(1, r.err().strip().lines().count(), r.err());
			assertTrue(r.err().contains("kernel 'cubic' is unknown; choose rbf, matern52 or rq"), r.err());
			assertFalse(Files.exists(dir.resolve(args[0].equals("bo") ? "a" : "b").resolve("steps.csv")));
		}
	}

	@Test
	void pathPlanningIsOnByDefaultAndTurnsOffWithOffOrNoPath(@TempDir Path dir) throws IOException {
		Path t = target(dir, false);
		for (String path : List.of("on", "off", "no")) {
			Path out = dir.resolve(path);
			List<String> switchArgs = path.equals("no") ? List.of("--no-path") : List.of("--path", path);
			List<String> args = new java.util.ArrayList<>(List.of("bo", "--target", t.toString(), "--out", out.toString(),
				"--steps", "1", "--batch", "3", "--threads", "1", "--acq", "pi", "--batch-mode", "lp", "--seed-points", "2",
				"--goal", "maximise"));
			args.addAll(switchArgs);
			Result r = run(args.toArray(String[]::new));
			assertEquals(0, r.rc(), r.err());
			@SuppressWarnings("unchecked")
			Map<String, Object> s = (Map<String, Object>) Json.parseObject(Files.readString(out.resolve("run.json"))).get(
				"settings");
			assertEquals(path.equals("on"), s.get("path_planning"));
			assertEquals("pi", s.get("acquisition"));
			assertEquals("maximise", s.get("goal"));
			assertEquals("lp", s.get("batch_mode"));
			assertEquals(2.0, s.get("seed_grid"));
		}
	}

	@Test
	void sweepWritesTableAndPlots(@TempDir Path dir) throws IOException {
		Path t = target(dir, false), out = dir.resolve("sweep");
		Result r = run("sweep", "--target", t.toString(), "--out", out.toString(), "--kernels", "rbf,matern52", "--acqs",
			"ei,pi", "--lengths", "3,fit", "--steps", "2", "--batch", "3", "--parallel", "2");
		assertEquals(0, r.rc(), r.err());
		List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
		assertTrue(lines.get(0).startsWith("# discovered"));
		assertTrue(lines.get(1).startsWith("kernel,acquisition,length_px"));
		assertEquals(2 + 2 * 2 * 2, lines.size());
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("matern52,pi,fit,0,")));
		for (String png : List.of("ssim-vs-uncertainty.png", "discovery-vs-points.png"))
			assertEquals(900, ImageIO.read(out.resolve(png).toFile()).getWidth());
	}
}
