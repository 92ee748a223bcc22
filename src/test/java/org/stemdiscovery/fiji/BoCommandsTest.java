package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.io.Json;

class BoCommandsTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static ImagePlus target() {
		int w = 30, h = 26;
		float[] t = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				t[y * w + x] = (float) Math.exp(-((x - 20) * (x - 20) + (y - 8) * (y - 8)) / 25.0);
		return new ImagePlus("blob", new FloatProcessor(w, h, t));
	}

	@Test
	void simulateBoHeadlessGivesStacksTablesPlotsOverlayAndReplayableRecord(@TempDir Path dir) throws Exception {
		ImagePlus target = target();
		Path record = dir.resolve("run.json");
		CommandModule m = context.service(CommandService.class).run(SimulateBoCommand.class, true, "target", target,
			"kernel", "rbf", "length", "4", "acquisition", "ei", "parameter", -1.0, "batch", 3, "steps", 4, "seeds", 1, "seed",
			0L, "batching", "kb", "path", true, "travel", 0.0, "threshold", "otsu", "threads", 1, "overlay", "", "record",
			record.toString(), "source", null).get();
		ImagePlus mean = (ImagePlus) m.getOutput("mean"), std = (ImagePlus) m.getOutput("std");
		assertEquals(5, mean.getStackSize());
		assertEquals(5, std.getStackSize());
		ResultsTable steps = (ResultsTable) m.getOutput("stepTable"), points = (ResultsTable) m.getOutput("pointTable");
		assertEquals(5, steps.size());
		assertEquals(1 + 4 * 3, points.size());
		assertEquals(13, (int) steps.getValue("points", 4));
		assertNotNull(m.getOutput("discoveryPlot"));
		assertNotNull(m.getOutput("ssimPlot"));
		assertNotNull(target.getOverlay());
		assertTrue(target.getOverlay().size() >= 5, "points per step and beam paths");
		Map<String, Object> json = Json.parseObject(Files.readString(record));
		@SuppressWarnings("unchecked")
		BoSettings s = BoSettings.fromMap((Map<String, ?>) json.get("settings"));
		assertEquals("rbf", s.kernel());
		assertEquals(3, s.batch());
		assertTrue(ImagePlusImages.readInfo(mean).containsKey(SimulateBoCommand.RUN_KEY));
	}

	@Test
	void pointsOfAMapOverAWindowGridAreReportedAtWindowCentres() throws Exception {
		ImagePlus map = target(); // 30 × 26 windows of 32 px every 8 px over a 264 × 232 image
		org.stemdiscovery.image.Grid grid = org.stemdiscovery.image.Grid.ofWindows(264, 232, 32, 8);
		assertEquals(30, grid.cols());
		assertEquals(26, grid.rows());
		ImagePlusImages.putInfo(map, grid.toProperties());
		ImagePlus source = new ImagePlus("source", new FloatProcessor(264, 232));
		CommandModule m = context.service(CommandService.class).run(SimulateBoCommand.class, true, "target", map, "kernel",
			"matern52", "length", "3", "acquisition", "ucb", "parameter", 4.0, "batch", 2, "steps", 2, "seeds", 2, "seed", 0L,
			"batching", "lp", "path", false, "travel", 0.0, "threshold", "0.5", "threads", 1, "overlay", "", "record", "",
			"source", source).get();
		ResultsTable points = (ResultsTable) m.getOutput("pointTable");
		assertEquals(4 + 2 * 2, points.size());
		for (int i = 0; i < points.size(); i++) {
			assertEquals(grid.centreX((int) points.getValue("x", i)), points.getValue("image_x", i), 1e-12);
			assertEquals(grid.centreY((int) points.getValue("y", i)), points.getValue("image_y", i), 1e-12);
		}
		assertNotNull(source.getOverlay(), "drawn on the source image");
		assertEquals(null, map.getOverlay());
	}

	@Test
	void boSweepHeadlessGivesOneRowPerSetting() throws Exception {
		CommandModule m = context.service(CommandService.class).run(BoSweepCommand.class, true, "target", target(),
			"kernels", "rbf,rq", "acquisitions", "ei", "lengths", "3,6", "seeds", "0,1", "batch", 2, "steps", 3, "batching",
			"lp", "parallel", 2).get();
		ResultsTable t = (ResultsTable) m.getOutput("table");
		assertEquals(2 * 2 * 2, t.size());
		assertEquals("rq", t.getStringValue("kernel", 7));
		assertEquals(1 + 3 * 2, (int) t.getValue("final_points", 0));
		assertNotNull(m.getOutput("ssimPlot"));
		assertNotNull(m.getOutput("discoveryPlot"));
	}

	@Test
	void bothCommandsAreBuiltFromTheirSpecs() throws Exception {
		assertEquals(java.util.List.of(), SpecConsistencyTest.check(SimulateBoCommand.class));
		assertEquals(java.util.List.of(), SpecConsistencyTest.check(BoSweepCommand.class));
	}

	@Test
	void badInputIsReportedAsInputException() throws Exception {
		ImagePlus flat = new ImagePlus("flat", new FloatProcessor(20, 20));
		org.scijava.command.CommandModule m = context.service(CommandService.class).run(SimulateBoCommand.class, true, "target", flat, "kernel", "rbf", "length", "4",
				"acquisition", "ei", "parameter", -1.0, "batch", 3, "steps", 2, "seeds", 1, "seed", 0L, "batching", "kb", "path",
				true, "travel", 0.0, "threshold", "otsu", "threads", 1, "overlay", "", "record", "", "source", null).get();
		assertTrue(m.isCanceled(), "bad input cancels the command");
		assertTrue(m.getCancelReason().contains("constant"), m.getCancelReason());
	}
}
