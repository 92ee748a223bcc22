package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/** Bad input is refused with one line that names the problem and what to choose instead. */
class BadInputTest {

	static Samples ramp(int n, int d) {
		float[] x = new float[n * d];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) (1 + Math.sin(0.37 * i) + 0.01 * i % 7);
		return new Samples(x, n, d, null);
	}

	static String message(Unmixer u, Samples x) {
		return assertThrows(InputException.class, () -> u.unmix(x, Progress.NONE)).getMessage();
	}

	@Test
	void kBelowOneIsRefusedByEveryMethod() {
		for (String m : new String[] { "svd", "nmf" })
			assertTrue(message(Unmixer.of(m, 0, 0, 10, 1), ramp(10, 16)).contains("at least 1"));
		assertTrue(assertThrows(InputException.class, () -> NFindrSettings.of(1)).getMessage().contains("k ≥ 2"));
	}

	@Test
	void kNotBelowTheSamplesOrPixelsIsRefused() {
		for (String m : new String[] { "svd", "nmf", "nfindr" }) {
			String few = message(Unmixer.of(m, 4, 0, 10, 1), ramp(4, 16));
			assertTrue(few.contains("k 4 is ≥ the 4 samples") && few.contains("choose k ≤ 3"), few);
			String small = message(Unmixer.of(m, 5, 0, 10, 1), ramp(20, 5));
			assertTrue(small.contains("≥ the 5 pixels") && small.contains("choose k ≤ 4"), small);
		}
	}

	@Test
	void aConstantStackIsRefused() {
		float[] x = new float[10 * 16];
		Arrays.fill(x, 0.5f);
		for (String m : new String[] { "svd", "nmf", "nfindr" })
			assertTrue(message(Unmixer.of(m, 2, 0, 10, 1), new Samples(x, 10, 16, null)).contains("constant"));
	}

	@Test
	void nanValuesAreRefusedNamingTheFrame() {
		float[] x = ramp(10, 16).data().clone();
		x[3 * 16 + 5] = Float.NaN;
		String msg = assertThrows(InputException.class, () -> new Samples(x, 10, 16, null)).getMessage();
		assertTrue(msg.contains("frame 4") && msg.contains("NaN"), msg);
	}

	@Test
	void negativeDataIsRefusedByNmfUnlessShifted() {
		float[] x = ramp(12, 16).data().clone();
		x[0] = -0.25f;
		Samples s = new Samples(x, 12, 16, null);
		assertTrue(message(new Nmf(NmfSettings.of(2)), s).contains("negative"));
		Decomposition d = new Nmf(NmfSettings.of(2).withShift(true).withMaxIter(50)).unmix(s, Progress.NONE);
		assertTrue(d.relativeError() < 1);
	}

	@Test
	void aGridThatDoesNotFitTheFramesIsRefused() {
		Grid grid = Grid.ofWindows(64, 64, 32, 16); // 3 × 3 windows
		String msg = assertThrows(InputException.class, () -> new Samples(new float[10 * 4], 10, 4, grid)).getMessage();
		assertTrue(msg.contains("10 frames") && msg.contains("9 windows"), msg);
	}

	@Test
	void nfindrStartOutsideTheSamplesIsRefused() {
		String msg = message(new NFindr(NFindrSettings.of(2).withStartAt(0, 99)), ramp(10, 16));
		assertTrue(msg.contains("99"), msg);
	}

	@Test
	void unknownMethodNamesTheChoices() {
		String msg = assertThrows(InputException.class, () -> Unmixer.of("pca", 2, 0, 10, 1)).getMessage();
		assertTrue(msg.contains("nmf, svd, nfindr or nmf-mu"), msg);
	}
}
