package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

import static org.stemdiscovery.experiment.Rigs.E_PER_PA_US;

/** The digital twin's counts, dose, clock and drift against what Poisson statistics and the timing model say. */
class DigitalTwinTest {

	static final int W = 128, H = 96;

	/** Three vertical bands with specimen values 0, 1 and 3: scaled 0, ⅓ and 1. */
	static float[] bands() {
		float[] s = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				s[y * W + x] = x < W / 3 ? 0 : x < 2 * W / 3 ? 1 : 3;
		return s;
	}

	static TwinSettings settings(double yield, double readNoise, boolean noiseFree) {
		return new TwinSettings(20, yield, readNoise, 0, 0, noiseFree, ScanTiming.defaults());
	}

	/** Mean and (unbiased) variance of the counts in one band (band 0, 1, 2). */
	static double[] stats(float[] frame, int band) {
		int from = band == 0 ? 0 : band == 1 ? W / 3 : 2 * W / 3, to = band == 0 ? W / 3 : band == 1 ? 2 * W / 3 : W;
		double sum = 0, sq = 0;
		int n = 0;
		for (int y = 0; y < H; y++)
			for (int x = from; x < to; x++) {
				double v = frame[y * W + x];
				sum += v;
				sq += v * v;
				n++;
			}
		double mean = sum / n;
		return new double[] { mean, (sq - n * mean * mean) / (n - 1), n };
	}

	static void assertPoisson(double[] s, double lambda, double extraVariance, String what) {
		int n = (int) s[2];
		double seMean = Math.sqrt((lambda + extraVariance) / n);
		double var = lambda + extraVariance;
		// variance of the sample variance: (μ4 − σ⁴ (n − 3)/(n − 1)) / n, μ4 = λ + 3λ² (+ Gaussian part)
		double mu4 = lambda + 3 * lambda * lambda + 6 * lambda * extraVariance + 3 * extraVariance * extraVariance;
		double seVar = Math.sqrt((mu4 - var * var * (n - 3.0) / (n - 1)) / n);
		assertEquals(lambda, s[0], 5 * seMean, what + ": mean");
		assertEquals(var, s[1], 5 * seVar, what + ": variance");
	}

	@Test
	void countsArePoissonAtTheDoseAskedFor() {
		for (double dwell : new double[] { 0.2, 3 }) {
			DigitalTwin twin = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 0, false), 7);
			Frame f = twin.survey(dwell);
			double dose = 20 * dwell * E_PER_PA_US;
			assertEquals(dose, f.dosePerPixel(), 1e-9 * dose);
			assertPoisson(stats(f.pixels(), 1), dose * 0.1 / 3, 0, "dwell " + dwell + ", band ⅓");
			assertPoisson(stats(f.pixels(), 2), dose * 0.1, 0, "dwell " + dwell + ", band 1");
			double[] dark = stats(f.pixels(), 0);
			assertEquals(0, dark[0], 0, "the darkest level counts nothing");
			for (float v : f.pixels())
				assertEquals(Math.rint(v), v, 0, "Poisson counts are whole numbers");
		}
	}

	@Test
	void readNoiseAddsItsVariance() {
		DigitalTwin twin = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 3, false), 11);
		Frame f = twin.survey(2);
		double dose = 20 * 2 * E_PER_PA_US;
		assertPoisson(stats(f.pixels(), 0), 0, 9, "dark band with read noise");
		assertPoisson(stats(f.pixels(), 2), dose * 0.1, 9, "bright band with read noise");
	}

	@Test
	void noiseFreeReturnsTheExpectedCountsExactly() {
		float[] spec = new float[W * H];
		for (int i = 0; i < spec.length; i++)
			spec[i] = (float) Math.sin(0.013 * i) * 5 + 2;
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : spec) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		DigitalTwin twin = new DigitalTwin(spec, W, H, 0.1, settings(0.25, 4, true), 3);
		Frame f = twin.survey(1.5);
		double dose = 20 * 1.5 * E_PER_PA_US;
		for (int i = 0; i < spec.length; i++) {
			double lambda = dose * 0.25 * (spec[i] - lo) / (hi - lo);
			assertEquals(lambda, f.pixels()[i], 1e-5 * Math.max(1, lambda), "pixel " + i);
		}
		Measurement m = twin.acquire(List.of(new PatchRequest(1, 40.5, 30.5, 8, 4))).get(0);
		double pd = 20 * 4 * E_PER_PA_US;
		assertEquals(pd, m.dosePerPixel(), 1e-9 * pd);
		for (int r = 0; r < 8; r++)
			for (int c = 0; c < 8; c++) {
				int i = (m.top() + r) * W + m.left() + c;
				assertEquals(pd * 0.25 * (spec[i] - lo) / (hi - lo), m.pixels()[r * 8 + c], 1e-5 * pd);
			}
	}

	@Test
	void deliveredDoseIsTheSurveyPlusEachPatchOnItsPixels() {
		DigitalTwin twin = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 0, false), 5);
		twin.survey(0.5);
		List<PatchRequest> rq = List.of(new PatchRequest(1, 20, 20, 10, 2), new PatchRequest(2, 24, 22, 10, 3),
			new PatchRequest(3, 100.5, 80.5, 16, 1));
		List<Measurement> ms = twin.acquire(rq);
		assertEquals(3, ms.size());
		double[] expected = new double[W * H];
		Arrays.fill(expected, 20 * 0.5 * E_PER_PA_US);
		for (PatchRequest r : rq) {
			int left = (int) Math.round(r.x() - (r.size() - 1) / 2.0), top = (int) Math.round(r.y() - (r.size() - 1) / 2.0);
			for (int y = top; y < top + r.size(); y++)
				for (int x = left; x < left + r.size(); x++)
					expected[y * W + x] += 20 * r.dwellUs() * E_PER_PA_US;
		}
		DoseMap d = twin.delivered();
		double total = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				assertEquals(expected[y * W + x], d.at(x, y), 1e-9 * expected[y * W + x], "(" + x + ", " + y + ")");
				total += expected[y * W + x];
			}
		assertEquals(total, d.total(), 1e-9 * total);
		for (int i = 0; i < 3; i++) {
			assertEquals(rq.get(i).id(), ms.get(i).id());
			assertEquals(rq.get(i).size(), ms.get(i).size());
		}
		assertEquals(16, ms.get(0).left()); // centre 20, size 10: first pixel 15.5 rounds to 16
	}

	@Test
	void theClockFollowsTheScanTiming() {
		ScanTiming t = new ScanTiming(50, 2000, 0.01);
		DigitalTwin twin = new DigitalTwin(bands(), W, H, 0.1, new TwinSettings(20, 0.1, 0, 0, 0, false, t), 1);
		assertEquals(0, twin.elapsedSeconds());
		Frame f = twin.survey(2);
		double expected = (W * H * 2.0 + H * 50) * 1e-6;
		assertEquals(expected, f.seconds(), 1e-12);
		assertEquals(expected, twin.elapsedSeconds(), 1e-12);
		// the beam ends the survey on the last pixel (W − 1, H − 1); a patch starts at its first pixel
		List<Measurement> ms = twin.acquire(List.of(new PatchRequest(1, 10.5, 20.5, 8, 5), new PatchRequest(2, 60.5,
			20.5, 8, 1)));
		double move1 = Math.hypot(7 - (W - 1), 17 - (H - 1));
		expected += move1 / 2000 + 0.01 + (8 * 8 * 5 + 8 * 50) * 1e-6;
		assertEquals(expected, ms.get(0).seconds(), 1e-12);
		double move2 = Math.hypot(57 - 14, 17 - 24); // from the first patch's last pixel (14, 24)
		expected += move2 / 2000 + 0.01 + (8 * 8 * 1 + 8 * 50) * 1e-6;
		assertEquals(expected, ms.get(1).seconds(), 1e-12);
		assertEquals(expected, twin.elapsedSeconds(), 1e-12);
	}

	@Test
	void theSeedDecidesTheNoise() {
		float[] a = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 1, false), 42).survey(1).pixels();
		float[] b = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 1, false), 42).survey(1).pixels();
		float[] c = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 1, false), 43).survey(1).pixels();
		assertArrayEquals(a, b);
		assertFalse(Arrays.equals(a, c));
		DigitalTwin p = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 0, false), 42), q = new DigitalTwin(bands(), W,
			H, 0.1, settings(0.1, 0, false), 42);
		List<PatchRequest> rq = List.of(new PatchRequest(1, 90.5, 40.5, 12, 3));
		assertArrayEquals(p.acquire(rq).get(0).pixels(), q.acquire(rq).get(0).pixels());
	}

	@Test
	void patchesOutsideTheFieldAndNonPositiveDwellsAreRefused() {
		DigitalTwin twin = new DigitalTwin(bands(), W, H, 0.1, settings(0.1, 0, false), 1);
		assertThrows(InputException.class, () -> twin.survey(0));
		assertThrows(InputException.class, () -> twin.survey(-1));
		assertThrows(InputException.class, () -> twin.survey(Double.NaN));
		assertThrows(InputException.class, () -> new PatchRequest(1, 50, 50, 8, 0));
		assertThrows(InputException.class, () -> twin.acquire(List.of(new PatchRequest(1, 2, 50, 8, 1)))); // left −2
		assertThrows(InputException.class, () -> twin.acquire(List.of(new PatchRequest(1, W - 3.5, 50, 8, 1))));
		assertThrows(InputException.class, () -> twin.acquire(List.of(new PatchRequest(1, 50, H - 2, 8, 1))));
		assertEquals(0, twin.delivered().total(), "a refused scan delivers no dose");
		assertEquals(0, twin.elapsedSeconds());
		// the largest patch that fits is taken
		assertEquals(1, twin.acquire(List.of(new PatchRequest(1, (H - 1) / 2.0, (H - 1) / 2.0, H, 0.01))).size());
	}

	@Test
	void driftShiftsTheSpecimenWithInstrumentTime() {
		int w = 256, h = 32;
		float[] ramp = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				ramp[y * w + x] = x; // scaled: x / (w − 1)
		double drift = 500, yield = 0.5;
		DigitalTwin twin = new DigitalTwin(ramp, w, h, 0.1, new TwinSettings(20, yield, 0, 0, drift, true, ScanTiming
			.defaults()), 1);
		Frame f = twin.survey(1);
		double dose = 20 * E_PER_PA_US;
		for (int x = 0; x < w; x++)
			assertEquals(dose * yield * x / (w - 1), f.pixels()[5 * w + x], 1e-4 * dose, "the survey starts undrifted");
		double before = twin.elapsedSeconds();
		Measurement m1 = twin.acquire(List.of(new PatchRequest(1, 40.5, 15.5, 8, 20))).get(0);
		double s1 = shift(m1, w, dose * 20, yield);
		assertTrue(Math.abs(s1) >= drift * before - 1e-3 && Math.abs(s1) <= drift * m1.seconds() + 1e-3, "patch 1 shift " +
			s1 + " px, expected " + drift * before + " … " + drift * m1.seconds());
		double mid = twin.elapsedSeconds();
		Measurement m2 = twin.acquire(List.of(new PatchRequest(2, 40.5, 15.5, 8, 200))).get(0);
		double s2 = shift(m2, w, dose * 200, yield);
		assertTrue(Math.abs(s2) >= drift * mid - 1e-3 && Math.abs(s2) <= drift * m2.seconds() + 1e-3, "patch 2 shift " +
			s2 + " px, expected " + drift * mid + " … " + drift * m2.seconds());
		assertTrue(Math.abs(s2) > Math.abs(s1) + 1, "a later patch is shifted further: " + s1 + " then " + s2);
	}

	/** The drift shift seen by a patch of the ramp, the same at every pixel. */
	static double shift(Measurement m, int w, double dose, double yield) {
		double first = Double.NaN;
		for (int r = 0; r < m.size(); r++)
			for (int c = 0; c < m.size(); c++) {
				double s = m.pixels()[r * m.size() + c] * (w - 1) / (dose * yield) - (m.left() + c);
				if (Double.isNaN(first)) first = s;
				assertEquals(first, s, 1e-3, "a ramp shifts as a whole");
			}
		return first;
	}
}
