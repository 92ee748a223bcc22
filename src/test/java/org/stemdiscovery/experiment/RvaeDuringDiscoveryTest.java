package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * The rVAE trained during discovery (the paper's approach): no survey opinion, training on the patches measured so
 * far, earlier measurements re-encoded, and the same run for the same seed.
 */
class RvaeDuringDiscoveryTest {

	@BeforeAll
	static void onePyTorchThread() {
		System.setProperty("ai.djl.pytorch.num_threads", "1");
	}

	private static ExperimentSettings settings(int budget) {
		return new ExperimentSettings(Twins.PATCH, Twins.SPACING, 10, 0.1, budget, 0, true, BoSettings.defaults()
			.withKernel("matern52", 32, false).withBatch(5, 1, 1).withSeed(5).withThreads(1), ScanTiming.defaults());
	}

	private static ModelFitter during(String workflow, int every) {
		return PatchModels.fitter(workflow, new ModelSettings(Twins.descriptors(Twins.rvae(5, 1)), OnlineTraining
			.duringDiscovery(every, 4)));
	}

	@Test
	void withoutSurveyTrainingTheSurveyHasNoOpinionAndLearningChangesValues() {
		for (String workflow : List.of("2", "3")) {
			SyntheticImage img = Twins.wall(3);
			DigitalTwin twin = Twins.noiseFree(img);
			Grid g = Twins.candidates();
			SurveyFit fit = during(workflow, 2).fit(Twins.perElectron(twin.survey(1)), Twins.SIDE, Twins.SIDE, g,
				Progress.NONE);
			try (PatchModel model = fit.model()) {
				for (float v : fit.maps())
					assertTrue(Float.isNaN(v), "workflow " + workflow + ": the untrained model has no survey opinion");
				assertEquals(model.names().indexOf("latent z1"), model.defaultTarget());
				List<float[]> patches = Twins.measure(twin, g, 0, 30, 60, 90, 120, 150);
				float[] before = model.encode(patches.get(0));
				assertTrue(model.learn(patches, Progress.NONE), "the first batch trains the untrained model");
				float[] after = model.encode(patches.get(0));
				assertFalse(Arrays.equals(before, after), "workflow " + workflow + ": training changed nothing");
				for (float v : after)
					assertTrue(Float.isFinite(v));
				assertFalse(model.learn(patches, Progress.NONE), "every 2 batches: not after the second");
				assertTrue(model.learn(patches, Progress.NONE), "every 2 batches: after the third");
				assertFalse(Arrays.equals(after, model.encode(patches.get(0))));
			}
		}
	}

	@Test
	void workflowOneCannotLearnDuringDiscovery() {
		assertThrows(InputException.class, () -> during("1", 1));
		assertThrows(InputException.class, () -> new OnlineTraining(false, 0, 5));
	}

	/** Earlier points are re-encoded after each training; a second run with the same seeds is the same run. */
	@Test
	void theSessionReEncodesEarlierPointsAndIsDeterministic() {
		List<Map<Integer, Double>> first = session(), second = session();
		assertEquals(first, second, "same seed and threads, same values");
		// after step 0 (trained on batch 0) and after step 1 (retrained on batches 0-1): batch 0 was re-encoded
		Map<Integer, Double> afterStep0 = first.get(0), afterStep1 = first.get(1);
		assertEquals(5, afterStep0.size());
		for (int id : afterStep0.keySet())
			assertNotEquals(afterStep0.get(id), afterStep1.get(id), "point " + id + " was not re-encoded");
	}

	private static List<Map<Integer, Double>> session() {
		SyntheticImage img = Twins.wall(3);
		DigitalTwin twin = new DigitalTwin(img.clean(), img.width(), img.height(), Double.NaN, TwinSettings.defaults(), 11);
		List<Map<Integer, Double>> values = new ArrayList<>();
		try (ExperimentSession s = new ExperimentSession(settings(15), Twins.SIDE, Twins.SIDE, Double.NaN)) {
			s.begin(twin.survey(s.surveyDwellUs()), during("2", 1), Progress.NONE);
			assertEquals(s.surveyFit().model().names().indexOf("latent z1"), s.target());
			for (List<PatchRequest> batch = s.next(); !batch.isEmpty(); batch = s.next()) {
				assertTrue(s.measure(twin.acquire(batch), Progress.NONE) != null);
				values.add(new LinkedHashMap<>(s.values()));
			}
		}
		assertEquals(3, values.size());
		return values;
	}

	@Test
	void aShortMeasuredExperimentWithWorkflowTwoCompletes() {
		SyntheticImage img = Twins.wall(4);
		boolean[] mask = new boolean[img.mask().length];
		for (int i = 0; i < mask.length; i++)
			mask[i] = img.mask()[i] != 0;
		DigitalTwin twin = new DigitalTwin(img.clean(), img.width(), img.height(), 0.1, TwinSettings.defaults(), 2);
		ModelFitter fitter = PatchModels.fitter("2 (fft + rvae)", new ModelSettings(Twins.descriptors(Twins.rvae(5, 1)),
			new OnlineTraining(true, 2, 3)));
		ExperimentRun run = new MeasuredExperiment(settings(20), false).run(twin, fitter, Features.mask(mask, img.width(),
			img.height()), Progress.NONE, null);
		assertEquals(20, run.points().size());
		for (double[] p : run.points())
			assertTrue(Double.isFinite(p[4]), "point " + p[0] + " has value " + p[4]);
		for (float v : run.surveyMap())
			assertTrue(Float.isFinite(v));
		assertTrue(run.found()[19] > 0, "the wall was never touched");
		assertEquals(3, run.modelDetails().get("trainingRounds"), "survey, then after batches 2 and 4");
	}
}
