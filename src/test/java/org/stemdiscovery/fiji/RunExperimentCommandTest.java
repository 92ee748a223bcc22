package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/** Run Experiment (Digital Twin)'s Fiji door, headless: results, the live view's calls, and a refusal. */
class RunExperimentCommandTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static SyntheticImage pillars() {
		return PillarScene.defaults().generate(128, 128, 1);
	}

	private static CommandModule run(ImagePlus image, Object... more) throws Exception {
		Object[] args = new Object[10 + more.length];
		Object[] base = { "image", image, "workflow", "1", "patch", 32, "spacing", 8, "threads", 1 };
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(more, 0, args, base.length, more.length);
		return context.service(CommandService.class).run(RunExperimentCommand.class, true, args).get();
	}

	@Test
	void aHeadlessRunGivesTablesImagesAndALiveViewCalledOncePerStep(@TempDir Path dir) throws Exception {
		SyntheticImage s = pillars();
		ImagePlus image = new ImagePlus("pillars", new FloatProcessor(128, 128, s.noisy().clone()));
		List<Atom> pillars = s.atomsInside().stream().filter(a -> a.cls() == 2).toList();
		Path csv = dir.resolve("truth.csv");
		Files.writeString(csv, "x,y\n" + pillars.stream().map(a -> a.x() + "," + a.y()).collect(Collectors.joining(
			"\n")));
		CommandModule m = run(image, "budget", 20, "csv", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());

		ResultsTable points = (ResultsTable) m.getOutput("pointTable"), steps = (ResultsTable) m.getOutput("stepTable");
		assertEquals(20, points.size(), "one row per measurement: the budget");
		for (int r = 0; r < points.size(); r++) {
			double x = points.getValue("x_px", r), y = points.getValue("y_px", r);
			assertTrue(x >= 0 && x <= 127 && y >= 0 && y <= 127, "point " + r + " at " + x + ", " + y + " is in the image");
		}
		assertEquals(20, (int) steps.getValue("measurements", steps.size() - 1));
		ResultsTable discovery = (ResultsTable) m.getOutput("discoveryTable");
		assertNotNull(discovery, "a ground truth gives the discovery table");
		assertEquals(20, discovery.size());

		ExperimentLiveView view = ((RunExperimentCommand) m.getCommand()).liveView();
		assertEquals(steps.size(), view.stepsSeen(), "the live view heard every step once");
		assertEquals(20, view.pointsDrawn());
		ImagePlus live = (ImagePlus) m.getOutput("liveImage");
		assertNotNull(live, "without a window the live view's picture comes back");
		long numbers = List.of(live.getOverlay().toArray()).stream().filter(r -> r instanceof TextRoi && ((TextRoi) r)
			.getText().trim().matches("\\d+")).count();
		assertEquals(20, numbers, "every measurement numbered on the survey panel");

		assertEquals(steps.size(), ((ImagePlus) m.getOutput("mean")).getStackSize());
		assertEquals(steps.size(), ((ImagePlus) m.getOutput("std")).getStackSize());
		for (String name : List.of("survey", "measured", "dose")) {
			ImagePlus imp = (ImagePlus) m.getOutput(name);
			assertEquals(128, imp.getWidth(), name);
		}
		Roi[] drawn = ((ImagePlus) m.getOutput("survey")).getOverlay().toArray();
		assertTrue(List.of(drawn).stream().anyMatch(r -> "beam path".equals(r.getName())), "the beam path on the survey");
	}

	@Test
	void aCoarserSurveyIsShownOnTheFieldAndCostsAQuarterAtBinningTwo() throws Exception {
		ImagePlus image = new ImagePlus("pillars", new FloatProcessor(128, 128, pillars().noisy().clone()));
		CommandModule m = run(image, "budget", 10, "surveyBinning", 2, "surveyDose", 1.0);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(128, ((ImagePlus) m.getOutput("survey")).getWidth(), "the survey on the field's pixels");
		ResultsTable steps = (ResultsTable) m.getOutput("stepTable");
		// a full-dwell survey at binning 2 probes a quarter of the pixels; ten 32 px patches are 10/16 of the field
		assertEquals(0.25 + 10 * 32 * 32 / (128.0 * 128), steps.getValue("dose_vs_raster", steps.size() - 1), 1e-9);
		assertEquals(1, ((RunExperimentCommand) m.getCommand()).liveView().stepsSeen());
	}

	@Test
	void aPatchLargerThanTheImageIsRefusedInOneLine() throws Exception {
		ImagePlus image = new ImagePlus("pillars", new FloatProcessor(128, 128, pillars().noisy().clone()));
		CommandModule m = run(image, "patch", 200, "budget", 20);
		assertTrue(m.isCanceled());
		String reason = m.getCancelReason();
		assertTrue(reason.contains("larger than the 128 × 128 px field"), reason);
		assertFalse(reason.contains("\n"), "one line");
		assertNull(m.getOutput("stepTable"), "nothing ran");
		assertEquals(0, ((RunExperimentCommand) m.getCommand()).liveView().stepsSeen());
	}

	@Test
	void theCalibrationGivesNanometresPerPixel() {
		ImagePlus imp = new ImagePlus("c", new FloatProcessor(4, 4));
		assertTrue(Double.isNaN(ImagePlusImages.nmPerPixel(imp)), "uncalibrated");
		imp.getCalibration().pixelWidth = 0.002;
		imp.getCalibration().setUnit("µm");
		assertEquals(2, ImagePlusImages.nmPerPixel(imp), 1e-9);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().setUnit("Å");
		assertEquals(0.05, ImagePlusImages.nmPerPixel(imp), 1e-12);
		imp.getCalibration().setUnit("inch");
		assertTrue(Double.isNaN(ImagePlusImages.nmPerPixel(imp)), "not a length the experiment uses");
	}

	@Test
	void aHyphenatedParameterLivesInItsCamelCaseField() {
		assertEquals("surveyDose", StemCommand.fieldName("survey-dose"));
		assertEquals("pixelSize", StemCommand.fieldName("pixel-size"));
		assertEquals("patch", StemCommand.fieldName("patch"));
	}
}
