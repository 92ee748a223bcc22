package org.stemdiscovery.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.SharedFiles;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class SlidingFftTest {

	private static FftStack run(float[] img, int w, int h, SlidingFftSettings s, int threads) {
		return new SlidingFft(s, threads).compute(Images.wrap(img, w, h), Progress.NONE);
	}

	@Test
	void cosineLatticePeaksAtItsFrequencyInEveryWindow() {
		int size = 128, win = 32, kx = 4, ky = -3; // cycles per window
		float[] img = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				img[y * size + x] = (float) Math.cos(2 * Math.PI * (kx * x + ky * y) / win);
		FftStack s = run(img, size, size, SlidingFftSettings.of(win, 16).withLog(false), 2);
		int c = win / 2;
		for (int n = 0; n < s.size(); n++) {
			float[] f = frame(s, n);
			int best = -1;
			for (int i = 0; i < f.length; i++) {
				int dx = i % win - c, dy = i / win - c;
				if (Math.abs(dx) + Math.abs(dy) > 1 && (best < 0 || f[i] > f[best])) best = i; // skip DC and its taper skirt
			}
			int dx = best % win - c, dy = best / win - c;
			assertTrue((dx == kx && dy == ky) || (dx == -kx && dy == -ky), "window " + n + " peaks at " + dx + "," + dy);
		}
	}

	@Test
	void constantImageHasOnlyTheZeroFrequency() {
		int size = 48, win = 16;
		float[] img = new float[size * size];
		java.util.Arrays.fill(img, 3f);
		SlidingFftSettings s = SlidingFftSettings.of(win, 8).withTaper(Taper.NONE).withLog(false).withNormalise(false);
		FftStack fft = run(img, size, size, s, 1);
		for (int n = 0; n < fft.size(); n++) {
			float[] f = frame(fft, n);
			for (int i = 0; i < f.length; i++) {
				double expected = i == (win / 2) * win + win / 2 ? 3.0 * win * win : 0;
				assertEquals(expected, f[i], 1e-3, "window " + n + " frequency " + i);
			}
		}
	}

	@Test
	void zoomKeepsTheCentreOfTheFullSpectrum() {
		float[] img = noise(96, 96, 1);
		FftStack full = run(img.clone(), 96, 96, SlidingFftSettings.of(32, 16), 2);
		FftStack zoomed = run(img.clone(), 96, 96, SlidingFftSettings.of(32, 16).withZoom(2), 2);
		assertEquals(16, zoomed.frameSize());
		for (int n = 0; n < full.size(); n++) {
			float[] a = frame(full, n), b = frame(zoomed, n);
			for (int y = 0; y < 16; y++)
				for (int x = 0; x < 16; x++)
					assertEquals(a[(y + 8) * 32 + x + 8], b[y * 16 + x], 0f);
		}
	}

	/** Even windows take the half-spectrum path, odd ones the full transform; both equal a plain DFT. */
	@ParameterizedTest
	@ValueSource(ints = { 9, 10 })
	void magnitudesEqualADirectDft(int w) {
		float[] img = noise(23, 17, w);
		SlidingFftSettings s = SlidingFftSettings.of(w, 5).withLog(false).withNormalise(false).withShift(false);
		FftStack fft = run(img, 23, 17, s, 1);
		double[] taper = Taper.HANN.weights(w);
		for (int n = 0; n < fft.size(); n++) {
			int left = fft.grid().left(fft.grid().col(n)), top = fft.grid().top(fft.grid().row(n));
			float[] f = frame(fft, n);
			for (int ky = 0; ky < w; ky++)
				for (int kx = 0; kx < w; kx++) {
					double re = 0, im = 0;
					for (int y = 0; y < w; y++)
						for (int x = 0; x < w; x++) {
							double v = img[(top + y) * 23 + left + x] * taper[y * w + x];
							double a = -2 * Math.PI * ((double) ky * y / w + (double) kx * x / w);
							re += v * Math.cos(a);
							im += v * Math.sin(a);
						}
					assertEquals(Math.hypot(re, im), f[ky * w + kx], 1e-5, "window " + n + " (" + kx + "," + ky + ")");
				}
		}
	}

	@Test
	void resultDoesNotDependOnTheNumberOfThreads() {
		float[] img = noise(200, 150, 7);
		FftStack one = run(img.clone(), 200, 150, SlidingFftSettings.of(32, 4), 1);
		FftStack two = run(img.clone(), 200, 150, SlidingFftSettings.of(32, 4), 2);
		assertArrayEquals(one.data(), two.data());
		assertEquals(Grid.ofWindows(200, 150, 32, 4), one.grid());
	}

	/** The NumPy peer (../shared/peers/sliding_fft.py) on the shared synthetic images, window 32, step 8, Hann. */
	@ParameterizedTest
	@ValueSource(strings = { "pillars_256", "wall_256", "graphene_256" })
	void equalsNumpyReference(String name) throws Exception {
		TiffImage image = Tiff.read(SharedFiles.require("reference/synthetic/" + name + ".tif"));
		TiffImage ref = Tiff.read(SharedFiles.require("reference/fft/" + name + "_w32s8.tif"));
		Map<String, Object> meta = Json.parseObject(Files.readString(SharedFiles.require("reference/fft/" + name +
			"_w32s8.json")));
		FftStack ours = new SlidingFft(SlidingFftSettings.of(32, 8), 2).compute(image.img(), Progress.NONE);
		assertEquals(ref.planes(), ours.size());
		assertEquals(((Number) ((java.util.List<?>) meta.get("grid")).get(1)).intValue(), ours.grid().cols());
		float[] a = ours.data(), b = ref.pixels();
		assertEquals(b.length, a.length);
		double worst = 0, sum = 0;
		for (int i = 0; i < a.length; i++) {
			worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-6));
			sum += a[i];
		}
		assertTrue(worst <= 1e-4, name + ": worst relative difference " + worst);
		@SuppressWarnings("unchecked")
		double refSum = ((Number) ((Map<String, Object>) meta.get("fingerprint")).get("sum")).doubleValue();
		assertEquals(refSum, sum, 1e-5 * refSum);
	}

	@Test
	void badSettingsAreExplained() {
		assertTrue(assertThrows(InputException.class, () -> SlidingFftSettings.of(32, 0)).getMessage().contains("step 0"));
		assertTrue(assertThrows(InputException.class, () -> SlidingFftSettings.of(32, 8).withZoom(16)).getMessage()
			.contains("zoom 16 leaves 2 px"));
		assertTrue(assertThrows(InputException.class, () -> SlidingFftSettings.of(2, 8)).getMessage()
			.contains("at least 4"));
		float[] img = noise(64, 64, 3);
		InputException big = assertThrows(InputException.class, () -> run(img, 64, 64, SlidingFftSettings.of(96, 8), 1));
		assertTrue(big.getMessage().contains("window 96 px is larger than the 64 x 64 px image"), big.getMessage());
	}

	@Test
	void nanPixelsAndStacksAreRefused() {
		float[] img = noise(64, 64, 3);
		img[64 * 10 + 5] = Float.NaN;
		InputException nan = assertThrows(InputException.class, () -> run(img, 64, 64, SlidingFftSettings.of(16, 8), 1));
		assertTrue(nan.getMessage().contains("pixel (5, 10) is NaN"), nan.getMessage());
		InputException stack = assertThrows(InputException.class, () -> new SlidingFft(SlidingFftSettings.of(16, 8), 1)
			.compute(ArrayImgs.floats(64, 64, 3), Progress.NONE));
		assertTrue(stack.getMessage().contains("3 planes"), stack.getMessage());
	}

	@Test
	void aStackThatWouldNotFitIsRefusedWithASuggestion() {
		Grid g = Grid.ofWindows(4096, 4096, 64, 2);
		InputException e = assertThrows(InputException.class, () -> SlidingFft.checkMemory(g, SlidingFftSettings.of(64,
			2), 1L << 30));
		assertTrue(e.getMessage().contains("choose a larger step (e.g. 4 px) or a zoom of 2"), e.getMessage());
		SlidingFft.checkMemory(Grid.ofWindows(512, 512, 64, 16), SlidingFftSettings.of(64, 16), 1L << 30);
	}

	private static float[] frame(FftStack s, int n) {
		int f = s.frameSize();
		float[] out = new float[f * f];
		System.arraycopy(s.data(), n * f * f, out, 0, f * f);
		return out;
	}

	private static float[] noise(int w, int h, long seed) {
		java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
		float[] img = new float[w * h];
		for (int i = 0; i < img.length; i++)
			img[i] = (float) r.nextDouble();
		return img;
	}
}
