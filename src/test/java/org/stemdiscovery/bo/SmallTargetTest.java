package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

/**
 * A simulated run on a target smaller than SSIM's window used to do all its steps and then fail with an
 * IllegalArgumentException (exit 1); found by the CLI property test (workflow 1 with a 9 x 9 window grid).
 * It is bad input, refused before the work.
 */
class SmallTargetTest {

	@Test
	void aTargetSmallerThanTheSsimWindowIsRefusedBeforeTheRun() {
		float[] t = new float[10 * 10];
		for (int i = 0; i < t.length; i++)
			t[i] = i % 7;
		String m = assertThrows(InputException.class, () -> Experiment.checkTarget(t, 10, 10)).getMessage();
		assertTrue(m.contains("the target map is 10 × 10; a simulated run needs at least 11 × 11"), m);
		Experiment.checkTarget(ramp(11), 11, 11);
	}

	private static float[] ramp(int n) {
		float[] t = new float[n * n];
		for (int i = 0; i < t.length; i++)
			t[i] = i;
		return t;
	}
}
