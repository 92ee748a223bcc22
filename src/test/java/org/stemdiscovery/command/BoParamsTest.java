package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.bo.Acquisition;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.gp.Kernel;
import org.stemdiscovery.gp.Matern52;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class BoParamsTest {

	@Test
	void defaultsAreTheDocumentedRun() {
		BoSettings s = BoParams.from(BoParams.SPEC.defaults()).settings();
		assertEquals(BoSettings.defaults().withThreads(s.threads()), s);
		assertEquals(Runtime.getRuntime().availableProcessors(), s.threads(), "threads 0 = every core");
	}

	/** Before, a fitted length scale started at 10 px in 'bo' and Simulate BO but at 5 px in 'sweep'. */
	@Test
	void theLengthScaleFitStartsFromOneValueInBoAndSweep() {
		BoSettings bo = BoParams.from(BoParams.SPEC.parse(Map.of("length", "fit"))).settings();
		assertTrue(bo.fitLength());
		assertEquals(BoSettings.FIT_START_PX, bo.lengthScale());
		// the sweep's base length (bo's default, 5 px) no longer leaks into its fitted runs
		List<BoSettings> sweep = SweepTask.settings(SweepParams.from(SweepParams.SPEC.parse(Map.of("kernels", "rbf",
			"acquisitions", "ei", "lengths", "3,fit", "seeds", "0"))));
		assertEquals(3, sweep.get(0).lengthScale());
		assertTrue(sweep.get(1).fitLength());
		assertEquals(bo.lengthScale(), sweep.get(1).lengthScale());
	}

	@Test
	void oldOptionNamesAndWordsAreAccepted() {
		Values v = BoParams.SPEC.parse(Map.of("exclusion", "auto", "radius", "3", "threshold", "0.4", "path", "off",
			"parameter", "2", "goal", "min", "batching", "local-penalisation", "kernel", "matern"));
		BoSettings s = BoParams.from(v).settings();
		assertTrue(Double.isNaN(s.exclusionRadius()));
		assertEquals(3, s.discoveryRadius());
		assertEquals(0.4, s.threshold());
		assertFalse(s.pathPlanning());
		assertEquals(2, s.acquisitionParameter());
		assertEquals(Goal.MINIMISE, s.goal());
		assertEquals(BatchMode.LOCAL_PENALISATION, s.batchMode());
		assertEquals("matern52", s.kernel());
		assertEquals(List.of("acq"), BoParams.SPEC.param("acquisition").aliases());
		assertTrue(Double.isNaN(BoParams.from(BoParams.SPEC.defaults()).settings().acquisitionParameter()),
			"-1 = the acquisition's default");
	}

	@Test
	void registriesNameTheValidChoices() {
		InputException e = assertThrows(InputException.class, () -> Kernel.of("cubic", 1, 5, 1));
		assertEquals("kernel 'cubic' is unknown; choose rbf, matern52 or rq", e.getMessage());
		assertInstanceOf(Matern52.class, Kernel.of("matern", 1, 5, 1));
		assertEquals(List.of("rbf", "matern52", "rq"), BoParams.SPEC.param("kernel").choices());
		assertEquals(List.of("ei", "ucb", "pi"), BoParams.SPEC.param("acquisition").choices());
		assertEquals(List.of("kb", "lp"), BoParams.SPEC.param("batching").choices());
		assertTrue(assertThrows(InputException.class, () -> Acquisition.of("qei", Double.NaN, Goal.MAXIMISE)).getMessage()
			.contains("choose ei, ucb or pi"));
		assertTrue(assertThrows(InputException.class, () -> BatchMode.parse("greedy")).getMessage().contains(
			"choose kb or lp"));
		e = assertThrows(InputException.class, () -> SweepParams.from(SweepParams.SPEC.parse(Map.of("kernels",
			"rbf, cubic"))));
		assertEquals("kernels: kernel 'cubic' is unknown; choose rbf, matern52 or rq", e.getMessage());
		e = assertThrows(InputException.class, () -> SweepParams.from(SweepParams.SPEC.parse(Map.of("lengths", "5,x"))));
		assertTrue(e.getMessage().startsWith("lengths: length 'x' is not a number or fit"), e.getMessage());
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = BoParamsTest.class.getResourceAsStream("/bo/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * run-v1.json was written by the bo verb before the settings went through Gson: it still reads, writes back
	 * the same settings, and replays the same run. It fits the length scale, and was written before issue 12's
	 * refit policy: it names none, so it replays under the refit it was made with ({@code Refit.everyStep}).
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aRunRecordWrittenBeforeReadsBackAndReplaysExactly(@TempDir Path dir) throws IOException {
		Map<String, Object> record = Json.parseObject(resource("run-v1.json"));
		Map<String, Object> settings = (Map<String, Object>) record.get("settings");
		BoSettings s = BoSettings.fromMap(settings);
		assertEquals("rq", s.kernel());
		assertTrue(s.fitLength());
		assertEquals(null, s.refit(), "a record before issue 12 names no refit");
		assertTrue(Double.isNaN(s.acquisitionParameter()));
		assertTrue(Double.isNaN(s.threshold()));
		assertEquals(BatchMode.LOCAL_PENALISATION, s.batchMode());
		assertEquals(settings, s.toMap(), "written back as it was");
		assertEquals(Json.write(settings), Json.write(s.toMap()));

		Path t = dir.resolve("target.tif");
		try (InputStream in = BoParamsTest.class.getResourceAsStream("/bo/target.tif")) {
			Files.copy(in, t);
		}
		TiffImage img = Tiff.read(t);
		Run run = new org.stemdiscovery.bo.Experiment(s)
			.run(new org.stemdiscovery.bo.SimulatedMicroscope(img.pixels(),
			img.width(), img.height(), s.measurementNoise(), s.seed(), org.stemdiscovery.bo.TimeModel.defaults()), img
				.pixels(), false, Progress.NONE, null);
		List<List<Double>> points = (List<List<Double>>) record.get("points");
		int k = 0;
		for (StepRecord r : run.steps())
			for (int i = 0; i < r.x().length; i++, k++)
				assertArrayEquals(points.get(k).stream().mapToDouble(Double::doubleValue).toArray(), new double[] { r.x()[i],
					r.y()[i], r.values()[i], r.step() }, 1e-12, "point " + k);
		assertEquals(points.size(), k);
		List<Map<String, Object>> steps = (List<Map<String, Object>>) record.get("steps");
		for (int i = 0; i < steps.size(); i++)
			assertEquals((Double) steps.get(i).get("ssim"), run.steps().get(i).ssim(), 1e-12);
	}

	@Test
	void theRecordWritesNotGivenValuesAsWords() {
		Map<String, Object> m = BoSettings.defaults().toMap();
		assertEquals("default", m.get("acquisition_parameter"));
		assertEquals("otsu", m.get("threshold"));
		assertEquals("default", m.get("exclusion_radius"));
		assertEquals("maximise", m.get("goal"));
		assertEquals("kb", m.get("batch_mode"));
		assertEquals(BoSettings.defaults(), BoSettings.fromMap(m));
		InputException e = assertThrows(InputException.class, () -> BoSettings.fromMap(Map.of("kernel", "cubic")));
		assertTrue(e.getMessage().contains("kernel 'cubic' is unknown"), e.getMessage());
	}

	@Test
	void taskTablesHaveTheColumnsBothDoorsShow() {
		int w = 20, h = 16;
		float[] t = new float[w * h];
		for (int i = 0; i < t.length; i++)
			t[i] = (float) Math.exp(-((i % w - 5) * (i % w - 5) + (i / w - 9) * (i / w - 9)) / 10.0);
		Result r = BoTask.run(t, w, h, Map.of(), "t.tif", BoParams.from(BoParams.SPEC.parse(Map.of("steps", 2, "batch", 3,
			"threads", 1))), Progress.NONE, null);
		assertEquals(List.of("step", "points", "ssim", "mean_std", "discovered", "path_length_px", "compute_ms",
			"instrument_s", "length_scale_px"), r.table(BoTask.STEPS).columns());
		assertEquals(List.of("x", "y", "value", "step", "image_x", "image_y"), r.table(BoTask.POINTS).columns());
		assertEquals(7, r.table(BoTask.POINTS).size());
		assertEquals(3, r.image(BoTask.MEAN).planes());
		assertEquals("t.tif", r.image(BoTask.STD).info().get(BoTask.TARGET_KEY));
		assertEquals("stem-discovery bo run 1", r.metadata().get("format"));
	}
}
