package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * Workflow 1 at a digital twin of a pillar scene finds the pillars within its budget, sooner than random
 * patches and a serpentine raster of the same run.
 */
class DiscoveryTest {

	static ExperimentRun discover(long sceneSeed, long twinSeed) {
		SyntheticImage scene = Rigs.pillars(256, sceneSeed);
		ExperimentSettings s = new ExperimentSettings(32, 8, 10, 0.05, 60, 0, true, BoSettings.defaults().withKernel(
			"matern52", 32, true).withBatch(10, 30, 1).withThreads(1), ScanTiming.defaults());
		ModelFitter fitter = FftUnmixModel.fitter(SlidingFftSettings.of(32, 8), "nmf", 3, 0, 200, 1);
		return new MeasuredExperiment(s, false).run(Rigs.twin(scene, twinSeed), fitter, Rigs.maskOf(scene), Progress.NONE,
			null);
	}

	/** Measurements to 90 %, with "never within the budget" as one more than the budget. */
	static int to90(int n, int budget) {
		return n < 0 ? budget + 1 : n;
	}

	@Test
	void boFindsThePillarsSoonerThanRandomAndRaster() {
		ExperimentRun run = discover(1, 1);
		int bo = run.measurementsToFind(0.9), random = to90(run.randomToFind(0.9), 60), raster = to90(run.rasterToFind(
			0.9), 60);
		String numbers = "BO " + bo + ", random " + random + ", raster " + raster + " measurements to 90 % of " + run
			.features() + " pillar pixels (" + run.found()[59] + " found by BO)";
		System.out.println("DiscoveryTest: " + numbers);
		assertTrue(bo > 0, "BO never found 90 %: " + numbers);
		assertTrue(bo < random && bo < raster, numbers);
	}
}
