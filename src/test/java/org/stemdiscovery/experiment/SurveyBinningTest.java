package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.SyntheticImage;

/** The survey at a coarser pixel size: where the twin probes, what it costs, and how the engine reads it back. */
class SurveyBinningTest {

	@Test
	void aBinnedSurveyProbesOneCentrePerBlockAndCostsThoseElectronsOnly() {
		int w = 64, h = 48, b = 4;
		float[] specimen = new float[w * h];
		for (int i = 0; i < specimen.length; i++)
			specimen[i] = i % w + 100 * (i / w); // distinct values: positions can be read back
		TwinSettings ts = TwinSettings.defaults().withNoiseFree(true);
		DigitalTwin twin = new DigitalTwin(specimen, w, h, 0.2, ts, 1);
		Frame f = twin.survey(2.0, b);
		assertEquals(16, f.width());
		assertEquals(12, f.height());
		assertEquals(b, f.binning());
		double dose = 20 * 2.0 * Rigs.E_PER_PA_US, lo = 0, hi = (w - 1) + 100 * (h - 1);
		for (int j = 0; j < f.height(); j++)
			for (int i = 0; i < f.width(); i++) {
				int x = i * b + 1, y = j * b + 1; // centre pixel of the block: (b − 1) / 2 = 1
				double expected = dose * 0.1 * (specimen[y * w + x] - lo) / (hi - lo);
				assertEquals(expected, f.pixels()[j * f.width() + i], 1e-3 * expected + 1e-6, "position " + i + ", " + j);
			}
		DoseMap d = twin.delivered();
		int probed = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (d.at(x, y) > 0) {
					probed++;
					assertEquals(1, x % b, "only block centres are probed");
					assertEquals(1, y % b);
					assertEquals(dose, d.at(x, y), 1e-9);
				}
		assertEquals(16 * 12, probed);
		assertEquals(16 * 12 * dose, f.electrons(), 1e-6);
		ScanTiming t = ScanTiming.defaults();
		assertEquals((16 * 12 * 2.0 + 12 * t.flybackUs()) * 1e-6, twin.elapsedSeconds(), 1e-12);
	}

	@Test
	void onTheFieldABinnedRampIsTheRampBetweenTheProbedPositions() {
		int w = 40, h = 40, b = 4, sw = Frame.scanSide(w, b), sh = Frame.scanSide(h, b);
		float[] scan = new float[sw * sh];
		for (int j = 0; j < sh; j++)
			for (int i = 0; i < sw; i++)
				scan[j * sw + i] = 3 * Frame.position(i, b, w) + 7 * Frame.position(j, b, h);
		float[] field = new Frame(scan, sw, sh, Double.NaN, 1, 0, b).onField(w, h);
		int first = Frame.position(0, b, w), last = Frame.position(sw - 1, b, w);
		for (int y = first; y <= last; y++)
			for (int x = first; x <= last; x++)
				assertEquals(3 * x + 7 * y, field[y * w + x], 1e-3, "bilinear is exact on a ramp at " + x + ", " + y);
		assertEquals(field[first * w + first], field[0], 1e-6, "constant beyond the outermost position");
	}

	@Test
	void anExperimentOnABinnedSurveyAccountsItsDoseAndStillFindsThePillars() {
		SyntheticImage im = Rigs.pillars(128, 3);
		ExperimentSettings base = Rigs.small(30, 10, 0);
		ExperimentSettings binned = new ExperimentSettings(base.patch(), base.spacing(), base.dwellUs(), 1.0, base
			.budget(), 0, true, base.bo(), base.timing(), 4);
		ExperimentRun r = Rigs.run(im, binned, Rigs.twin(im, 5));
		double dose = 20 * 10 * Rigs.E_PER_PA_US;
		assertEquals(32 * 32 * dose, r.surveyElectrons(), 1e-3, "a full-dwell survey at binning 4: 1/16 of a raster");
		assertEquals(r.surveyElectrons() + 30 * 16 * 16 * dose, r.last().electrons(), 1e-3);
		assertEquals(128 * 128, r.survey().length);
		int found = r.found()[r.found().length - 1];
		assertTrue(found > 0.5 * r.features(), "found " + found + " of " + r.features());
	}

	@Test
	void aBinningThatLeavesTooFewSurveyPixelsIsRefused() {
		BoSettings bo = BoSettings.defaults().withThreads(1);
		ExperimentSettings s = new ExperimentSettings(16, 8, 10, 0.05, 5, 0, true, bo, ScanTiming.defaults(), 40);
		assertThrows(InputException.class, () -> s.checkField(64, 64));
		assertThrows(InputException.class, () -> new ExperimentSettings(16, 8, 10, 0.05, 5, 0, true, bo, ScanTiming
			.defaults(), 0));
		Progress.NONE.checkCancelled();
	}
}
