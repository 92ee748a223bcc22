package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stemdiscovery.experiment.Rigs.E_PER_PA_US;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.sim.SyntheticImage;

/** Electrons of a run: the survey at its share of the dose plus budget × patch² at the measurement dose. */
class DoseAccountingTest {

	@Test
	void electronsAreTheSurveyPlusTheMeasuredPatches() {
		int size = 128, budget = 20, patch = 16;
		SyntheticImage scene = Rigs.pillars(size, 2);
		ExperimentSettings s = Rigs.small(budget, 5, 1);
		ExperimentRun run = Rigs.run(scene, s, Rigs.twin(scene, 5));
		double dose = 20 * 10 * E_PER_PA_US; // 20 pA at 10 µs
		double survey = size * size * 0.05 * dose, patches = budget * patch * patch * dose;
		assertEquals(survey, run.surveyElectrons(), 1e-9 * survey);
		assertEquals(survey + patches, run.dose().total(), 1e-9 * (survey + patches));
		assertEquals(survey + patches, run.last().electrons(), 1e-9 * (survey + patches));
		assertEquals(size * size * dose, run.rasterElectrons(), 1e-9 * size * size * dose);
		assertEquals(dose, run.dosePerPixel(), 1e-9 * dose);
		double ratio = 0.05 + budget * patch * patch / (double) (size * size); // 0.3625
		assertEquals(ratio, run.dose().total() / run.rasterElectrons(), 1e-12);
		for (int k = 0; k <= budget; k++)
			assertEquals(survey + k * patch * patch * dose, run.electronsAfter(k), 1e-9 * (survey + patches));
		// each step's running total: the survey plus what was measured by then
		for (ExperimentStep st : run.steps())
			assertEquals(survey + st.measurements() * patch * patch * dose, st.electrons(), 1e-9 * (survey + patches));
		// the most any pixel got: the survey plus one patch per patch covering it, never more than budget patches
		assertEquals(true, run.dose().max() <= 0.05 * dose + budget * dose + 1e-9);
	}
}
