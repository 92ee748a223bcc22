package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * {@code stem-discovery experiment} end to end on a small pillars scene: every file written, positions in image
 * pixels (patch centres inside the frame) and nm, and each kind of bad input refused in one line, exit 2, no folder.
 */
class ExperimentVerbTest {

	private static final int SIZE = 128, PATCH = 32;

	@TempDir
	Path dir;
	private Path specimen, mask;

	@BeforeEach
	void scene() throws Exception {
		SyntheticImage img = PillarScene.defaults().generate(SIZE, SIZE, 3);
		specimen = dir.resolve("pillars.tif");
		Tiff.writeFloat(specimen, img.noisy(), SIZE, SIZE, 1, Map.of());
		float[] m = new float[img.mask().length];
		for (int i = 0; i < m.length; i++)
			m[i] = img.mask()[i];
		mask = dir.resolve("pillars_mask.tif");
		Tiff.writeFloat(mask, m, SIZE, SIZE, 1, Map.of());
	}

	/** The small run's command line, with {@code extra} option-value pairs added or replacing its own. */
	private List<String> args(Path out, String... extra) {
		Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("--specimen", specimen.toString(), "--workflow",
			"1", "--patch", "" + PATCH, "--spacing", "8", "--budget", "20", "--threads", "1", "--out", out.toString()));
		for (int i = 0; i < extra.length; i += 2)
			o.put(extra[i], extra[i + 1]);
		List<String> a = new ArrayList<>(List.of("experiment"));
		o.forEach((k, v) -> a.addAll(List.of(k, v)));
		return a;
	}

	@Test
	void aSmallRunWritesEveryFileWithPositionsInPixelsAndNanometres() throws Exception {
		Path out = dir.resolve("run");
		CliTest.Result r = CliTest.cli(args(out, "--truth", mask.toString(), "--pixel-size", "0.5").toArray(
			String[]::new));
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("20 measurements of 32 px"), r.out());
		for (String f : new ExperimentVerb().outputs(null))
			assertTrue(Files.isRegularFile(out.resolve(f)), f + " written");
		Csv.Table points = Csv.read(out.resolve("points.csv"));
		assertEquals(List.of("id", "step", "x_px", "y_px", "x_nm", "y_nm", "value"), points.header());
		assertEquals(20, points.rows().size());
		for (double[] p : points.rows()) {
			for (int c : new int[] { 2, 3 }) {
				double left = p[c] - (PATCH - 1) / 2.0; // a patch centre: its left (top) edge is a whole pixel
				assertEquals(Math.rint(left), left, 1e-9, "patch centre " + p[c]);
				assertTrue(left >= 0 && left + PATCH <= SIZE, "patch inside the frame: " + p[c]);
				assertEquals(0.5 * p[c], p[c + 2], 1e-9, "nm = px x pixel size");
			}
		}
		assertEquals(20, Csv.read(out.resolve("discovery.csv")).rows().size());
		Map<String, Object> run = Json.parseObject(Files.readString(out.resolve("run.json")));
		assertEquals(0.5, ((Number) run.get("pixelSizeNm")).doubleValue(), 0);
		assertTrue(run.containsKey("parameters") && run.containsKey("found"), run.keySet().toString());
		String html = Files.readString(out.resolve("report.html"));
		for (String png : List.of("survey.png", "patches.png", "gp-progress.png", "dose.png", "discovery.png"))
			assertTrue(html.contains("src=\"" + png + "\""), png);
		assertEquals(SIZE, Tiff.read(out.resolve("dose.tif")).width());
	}

	@Test
	void aTruthTableCountsOnlyTheChosenClassAndAnUncalibratedImageHasNoNanometres() throws Exception {
		Path csv = dir.resolve("truth.csv");
		Files.writeString(csv, "x,y,class\n10,12,1\n100.5,64,2\n64,64,2\n");
		Path out = dir.resolve("csv");
		CliTest.Result r = CliTest.cli(args(out, "--truth", csv.toString(), "--truth-class", "2", "--budget", "5")
			.toArray(String[]::new));
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("of 2 features"), r.out());
		List<String> lines = Files.readAllLines(out.resolve("points.csv"));
		assertTrue(lines.get(1).matches("\\d+,\\d+,[\\d.]+,[\\d.]+,,,.*"), "empty nm cells: " + lines.get(1));
	}

	@Test
	void badInputIsOneLineExitTwoAndNoFolder() throws Exception {
		Path out = dir.resolve("refused");
		Path stack = dir.resolve("stack.tif");
		Tiff.writeFloat(stack, new float[2 * SIZE * SIZE], SIZE, SIZE, 2, Map.of());
		Path unknown = dir.resolve("unknown.csv");
		Files.writeString(unknown, "x,y,z\n1,2,3\n");
		Path outside = dir.resolve("outside.csv");
		Files.writeString(outside, "x,y\n10,10\n500,20\n");
		Path small = dir.resolve("small_mask.tif");
		Tiff.writeFloat(small, new float[64 * 64], 64, 64, 1, Map.of());
		refused("2 planes", args(out, "--specimen", stack.toString()));
		refused("larger than the 128", args(out, "--patch", "200"));
		refused("budget", args(out, "--budget", "0"));
		refused("survey-dose", args(out, "--survey-dose", "0"));
		refused("survey-dose", args(out, "--survey-dose", "1.5"));
		refused("column 'z'", args(out, "--truth", unknown.toString()));
		refused("outside the 128", args(out, "--truth", outside.toString()));
		refused("64 x 64", args(out, "--truth", small.toString()));
	}

	private void refused(String says, List<String> args) {
		CliTest.Result r = CliTest.cli(args.toArray(String[]::new));
		assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err() + r.out());
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
		assertTrue(r.err().startsWith("stem-discovery experiment: ") && r.err().contains(says), r.err());
		assertFalse(Files.exists(dir.resolve("refused")), "a refused run leaves no folder: " + String.join(" ", args));
	}
}
