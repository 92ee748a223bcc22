package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.SyntheticImage;

/** The session's request/measure protocol, its budget and the patches it asks for. */
class ExperimentSessionTest {

	static final int SIZE = 128;
	static SyntheticImage scene;

	@BeforeAll
	static void scene() {
		scene = Rigs.pillars(SIZE, 8);
	}

	static ExperimentSession begin(ExperimentSettings s, DigitalTwin twin) {
		ExperimentSession session = new ExperimentSession(s, SIZE, SIZE, 0.1);
		session.begin(twin.survey(s.surveyDwellUs()), Rigs.nmf(s.patch()), Progress.NONE);
		return session;
	}

	@Test
	void nextRepeatsTheBatchUntilItIsMeasured() {
		DigitalTwin twin = Rigs.twin(scene, 1);
		try (ExperimentSession s = begin(Rigs.small(20, 5, 1), twin)) {
			List<PatchRequest> a = s.next(), b = s.next();
			assertEquals(5, a.size());
			assertEquals(a, b);
			List<Measurement> ms = twin.acquire(a);
			assertNull(s.measure(ms.subList(0, 2), Progress.NONE), "the batch is not finished");
			assertEquals(a.subList(2, 5), s.next(), "the rest of the batch is asked for again");
			assertNotNull(s.measure(ms.subList(2, 5), Progress.NONE));
			List<PatchRequest> c = s.next();
			assertEquals(5, c.size());
			assertTrue(c.get(0).id() > a.get(4).id(), "a new batch has new ids");
		}
	}

	@Test
	void measurementsThatDoNotAnswerTheRequestAreRefused() {
		DigitalTwin twin = Rigs.twin(scene, 2);
		try (ExperimentSession s = begin(Rigs.small(20, 5, 1), twin)) {
			List<PatchRequest> a = s.next();
			PatchRequest r = a.get(0);
			assertThrows(InputException.class, () -> s.measure(List.of(new Measurement(999, r.left(), r.top(), 16,
				new float[256], 10, 1)), Progress.NONE), "an id never issued");
			assertThrows(InputException.class, () -> s.measure(List.of(new Measurement(r.id(), r.left(), r.top(), 8,
				new float[64], 10, 1)), Progress.NONE), "a patch of the wrong size");
			float[] nan = new float[256];
			nan[17] = Float.NaN;
			assertThrows(InputException.class, () -> s.measure(List.of(new Measurement(r.id(), r.left(), r.top(), 16, nan,
				10, 1)), Progress.NONE), "NaN counts");
			assertEquals(0, s.measured(), "nothing refused was taken");
			assertEquals(a, s.next());
		}
	}

	@Test
	void postingTheSameMeasurementsTwiceIsHarmless() {
		DigitalTwin twin = Rigs.twin(scene, 3);
		try (ExperimentSession s = begin(Rigs.small(20, 5, 1), twin)) {
			List<Measurement> ms = twin.acquire(s.next());
			assertNull(s.measure(ms.subList(0, 3), Progress.NONE));
			assertNull(s.measure(ms.subList(0, 3), Progress.NONE), "a retried part of a batch finishes nothing");
			assertEquals(3, s.measured());
			ExperimentStep step = s.measure(ms, Progress.NONE);
			assertNotNull(step);
			double electrons = s.electrons();
			double[] values = step.values().clone();
			assertNull(s.measure(ms, Progress.NONE), "a retried finished batch makes no new step");
			assertEquals(1, s.steps().size());
			assertEquals(5, s.measured());
			assertEquals(electrons, s.electrons());
			assertTrue(Arrays.equals(values, s.steps().get(0).values()));
			List<PatchRequest> next = s.next();
			assertEquals(5, next.size());
			assertTrue(next.get(0).id() > ms.get(4).id());
		}
	}

	@Test
	void theBudgetIsSpentInFittingBatchesOfPatchesThatEachBringNewPixels() {
		int budget = 37, batch = 8;
		DigitalTwin twin = Rigs.twin(scene, 4);
		ExperimentSettings set = Rigs.small(budget, batch, 1);
		List<PatchRequest> all = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		try (ExperimentSession s = begin(set, twin)) {
			for (List<PatchRequest> b = s.next(); !b.isEmpty(); b = s.next()) {
				sizes.add(b.size());
				all.addAll(b);
				assertNotNull(s.measure(twin.acquire(b), Progress.NONE));
			}
			assertTrue(s.done());
			assertEquals(budget, s.measured());
			assertEquals(List.of(8, 8, 8, 8, 5), sizes);
		}
		for (PatchRequest r : all) {
			assertEquals(16, r.size());
			assertTrue(r.fits(SIZE, SIZE), "patch " + r + " fits the field");
			assertEquals(0, r.left() % 8, "on the candidate grid: " + r);
			assertEquals(0, r.top() % 8, "on the candidate grid: " + r);
			assertEquals(r.left() + 7.5, r.x(), 0);
			assertEquals(r.top() + 7.5, r.y(), 0);
		}
		// Each patch, when issued, had at least a quarter of its pixels not yet covered by the patches before it
		// (counted on the field, independently of the session's Coverage).
		boolean[] covered = new boolean[SIZE * SIZE];
		for (PatchRequest r : all) {
			int fresh = 0;
			for (int y = r.top(); y < r.top() + r.size(); y++)
				for (int x = r.left(); x < r.left() + r.size(); x++) {
					if (!covered[y * SIZE + x]) fresh++;
					covered[y * SIZE + x] = true;
				}
			assertTrue(4 * fresh >= r.size() * r.size(), "patch " + r + " brought only " + fresh + " new of 256 px");
		}
	}

	@Test
	void settingsThatCannotWorkAreRefused() {
		BoSettings bo = BoSettings.defaults().withThreads(1);
		ScanTiming t = ScanTiming.defaults();
		assertThrows(InputException.class, () -> new ExperimentSession(new ExperimentSettings(SIZE + 8, 8, 10, 0.05, 5, 0,
			true, bo, t), SIZE, SIZE, 0.1), "patch larger than the frame");
		assertThrows(InputException.class, () -> new ExperimentSettings(16, 8, 10, 0.05, 0, 0, true, bo, t));
		assertThrows(InputException.class, () -> new ExperimentSettings(16, 8, 10, 0, 5, 0, true, bo, t));
		assertThrows(InputException.class, () -> new ExperimentSettings(16, 8, 10, -0.1, 5, 0, true, bo, t));
		assertThrows(InputException.class, () -> new ExperimentSettings(16, 8, 10, 1.01, 5, 0, true, bo, t));
		new ExperimentSettings(16, 8, 10, 1, 5, 0, true, bo, t); // a survey at the full dose is allowed
		// 15 × 15 candidates of 16 px every 8 px in 128 px
		new ExperimentSession(new ExperimentSettings(16, 8, 10, 0.05, 225, 0, true, bo, t), SIZE, SIZE, 0.1).close();
		assertThrows(InputException.class, () -> new ExperimentSession(new ExperimentSettings(16, 8, 10, 0.05, 226, 0,
			true, bo, t), SIZE, SIZE, 0.1), "budget above the candidates");
	}
}
