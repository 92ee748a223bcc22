package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.sim.SyntheticImage;

/** Runs are reproducible from their seeds, and the seeds matter where they should. */
class DeterminismTest {

	static SyntheticImage scene;
	static ExperimentRun first;

	@BeforeAll
	static void once() {
		scene = Rigs.pillars(128, 6);
		first = Rigs.run(scene, Rigs.small(20, 5, 1), Rigs.twin(scene, 11));
	}

	static boolean samePoints(ExperimentRun a, ExperimentRun b) {
		if (a.points().size() != b.points().size()) return false;
		for (int i = 0; i < a.points().size(); i++)
			if (!Arrays.equals(a.points().get(i), b.points().get(i))) return false;
		return true;
	}

	@Test
	void theSameSeedsGiveTheSameRun() {
		ExperimentRun again = Rigs.run(scene, Rigs.small(20, 5, 1), Rigs.twin(scene, 11));
		assertArrayEquals(first.survey(), again.survey());
		assertEquals(first.points().size(), again.points().size());
		for (int i = 0; i < first.points().size(); i++)
			assertArrayEquals(first.points().get(i), again.points().get(i), "point " + i);
		assertArrayEquals(first.found(), again.found());
		assertArrayEquals(first.randomFound(), again.randomFound());
		assertArrayEquals(first.rasterFound(), again.rasterFound());
		assertArrayEquals(first.dose().toFloats(), again.dose().toFloats());
		for (int s = 0; s < first.steps().size(); s++) {
			assertArrayEquals(first.steps().get(s).mean(), again.steps().get(s).mean());
			assertArrayEquals(first.steps().get(s).std(), again.steps().get(s).std());
		}
	}

	@Test
	void anotherTwinSeedMeasuresOtherCounts() {
		ExperimentRun other = Rigs.run(scene, Rigs.small(20, 5, 1), Rigs.twin(scene, 12));
		assertFalse(Arrays.equals(first.survey(), other.survey()));
		assertFalse(samePoints(first, other), "other counts, other values");
	}

	@Test
	void anotherBoSeedDrawsAnotherRandomBaseline() {
		ExperimentRun other = Rigs.run(scene, Rigs.small(20, 5, 2), Rigs.twin(scene, 11));
		assertArrayEquals(first.survey(), other.survey(), "the BO seed does not touch the instrument");
		assertArrayEquals(first.rasterFound(), other.rasterFound(), "nor the raster");
		assertFalse(Arrays.equals(first.randomFound(), other.randomFound()), "the random baseline follows the seed");
		System.out.println("DeterminismTest: another BO seed " + (samePoints(first, other) ? "kept" : "changed") +
			" the BO points");
	}
}
