package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.gp.CandidatePosterior;
import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Matern52;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

class ExperimentTest {

	/** Two bright blobs on a dark background, 48 × 40. */
	static float[] blobs(int w, int h) {
		float[] t = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				t[y * w + x] = (float) (Math.exp(-((x - 12) * (x - 12) + (y - 10) * (y - 10)) / 30.0) +
					0.8 * Math.exp(-((x - 35) * (x - 35) + (y - 28) * (y - 28)) / 40.0));
		return t;
	}

	private static Run run(BoSettings s, float[] t, int w, int h) {
		return new Experiment(s).run(new SimulatedMicroscope(t, w, h, s.measurementNoise(), s.seed(), TimeModel.defaults()), t,
			true, Progress.NONE, null);
	}

	@Test
	void runMeasuresDistinctPointsAndImproves() {
		int w = 48, h = 40;
		float[] t = blobs(w, h);
		BoSettings s = BoSettings.defaults().withKernel("matern52", 4, false).withBatch(5, 8, 2).withThreads(2);
		Run r = run(s, t, w, h);
		assertEquals(9, r.steps().size());
		assertEquals(4 + 8 * 5, r.last().points());
		Set<Integer> seen = new HashSet<>();
		for (StepRecord st : r.steps())
			for (int i = 0; i < st.x().length; i++) {
				assertTrue(seen.add(st.y()[i] * w + st.x()[i]), "point measured twice");
				assertEquals(t[st.y()[i] * w + st.x()[i]], st.values()[i], 0, "noise-free values");
			}
		assertTrue(r.last().discovered() > r.steps().get(0).discovered());
		assertTrue(r.last().meanStd() < r.steps().get(0).meanStd());
		assertTrue(r.last().ssim() > r.steps().get(0).ssim());
		assertTrue(r.steps().get(1).pathLength() > 0);
	}

	@Test
	void replayFromTheRunRecordGivesTheSameRun() {
		int w = 32, h = 32;
		float[] t = blobs(w, h);
		BoSettings s = BoSettings.defaults().withKernel("rq", 3, false).withAcquisition("ucb", 2).withBatch(4, 4, 1)
			.withMeasurementNoise(0.01).withSeed(7).withThreads(2);
		Run a = run(s, t, w, h);
		BoSettings back = BoSettings.fromMap(a.toMap("blobs").entrySet().stream().filter(e -> e.getKey().equals("settings"))
			.map(e -> (java.util.Map<String, ?>) e.getValue()).findFirst().orElseThrow());
		assertEquals(s, back);
		Run b = run(back, t, w, h);
		for (int i = 0; i < a.steps().size(); i++) {
			assertArrayEquals(a.steps().get(i).x(), b.steps().get(i).x());
			assertArrayEquals(a.steps().get(i).values(), b.steps().get(i).values());
		}
	}

	@Test
	void fittedLengthScaleRunCompletes() {
		int w = 32, h = 32;
		BoSettings s = BoSettings.defaults().withKernel("rbf", 5, true).withBatch(5, 3, 2).withThreads(1);
		Run r = run(s, blobs(w, h), w, h);
		assertEquals(4 + 15, r.last().points());
		assertTrue(r.last().hyperparameters().kernel().lengthScale() != 5, "the length scale was fitted");
	}

	@Test
	void lazyKrigingBelieverPicksTheSamePointsAsRescoringEverything() {
		int w = 40, h = 30;
		float[] t = blobs(w, h);
		Hyperparameters hp = new Hyperparameters(new Matern52(1, 4), 1e-6);
		Acquisition ei = new ExpectedImprovement(0.01, Goal.MAXIMISE);
		Acquisition eager = new Acquisition() { // same scores, but no monotonicity promise: the selector rescores all
			public double score(double m, double s, double b) {
				return ei.score(m, s, b);
			}

			public String name() {
				return "ei";
			}

			public double parameter() {
				return 0.01;
			}

			public Goal goal() {
				return Goal.MAXIMISE;
			}
		};
		int[] xs = { 3, 20, 33, 8, 25 }, ys = { 4, 15, 20, 25, 3 };
		int[][] picks = new int[2][];
		double[][] stds = new double[2][];
		for (int v = 0; v < 2; v++) {
			try (CandidatePosterior p = CandidatePosterior.onGrid(hp, w, h, true, 2)) {
				boolean[] measured = new boolean[w * h];
				double[] vx = new double[5], vy = new double[5], val = new double[5];
				for (int i = 0; i < 5; i++) {
					vx[i] = xs[i];
					vy[i] = ys[i];
					val[i] = t[ys[i] * w + xs[i]];
					measured[ys[i] * w + xs[i]] = true;
				}
				p.addObserved(vx, vy, val);
				double best = Arrays.stream(val).max().orElseThrow();
				picks[v] = new BatchSelector(v == 0 ? ei : eager, BatchMode.KRIGING_BELIEVER, 0, 0).select(p, measured, 8, best,
					0, 0);
				stds[v] = p.std();
			}
		}
		assertArrayEquals(picks[1], picks[0]);
		for (int c = 0; c < stds[0].length; c++)
			assertEquals(stds[1][c], stds[0][c], 1e-9);
	}

	@Test
	void badInputGivesClearMessages() {
		int w = 16, h = 16;
		BoSettings s = BoSettings.defaults().withBatch(4, 3, 1).withThreads(1);
		assertMessage("constant", () -> run(s, new float[w * h], w, h));
		float[] nan = new float[w * h];
		Arrays.fill(nan, Float.NaN);
		assertMessage("all NaN", () -> run(s, nan, w, h));
		float[] t = blobs(w, h);
		assertMessage("larger than the 16 × 16 = 256-pixel grid", () -> run(s.withBatch(300, 1, 1), t, w, h));
		assertMessage("exceed the 256 pixels", () -> run(s.withBatch(10, 30, 1), t, w, h));
		assertMessage("length scale 0.0 px must be positive", () -> s.withKernel("matern52", 0, false));
		assertMessage("length scale -2.0 px must be positive", () -> s.withKernel("matern52", -2, false));
		assertMessage("kernel 'cubic' is unknown", () -> s.withKernel("cubic", 3, false));
	}

	private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
		assertTrue(ex.getMessage().contains(part), "message '" + ex.getMessage() + "' should mention '" + part + "'");
		assertTrue(!ex.getMessage().contains("\n"), "one line");
	}

	@Test
	void plateauIsTheFirstStepAfterTheLastBigDrop() {
		double[] meanStd = { 1.0, 0.02, 0.03, 0.02, 0.0199, 0.015, 0.0149, 0.01489 };
		java.util.List<StepRecord> steps = new java.util.ArrayList<>();
		for (int i = 0; i < meanStd.length; i++)
			steps.add(new StepRecord(i, i * 10, new int[0], new int[0], new double[0], null, null, 0, meanStd[i], 0, 0, 0, 0,
				null));
		Run r = new Run(BoSettings.defaults(), 4, 4, 0, 1, steps);
		assertEquals(5, r.diminishingReturns().step()); // 0.0199 -> 0.015 is the last drop of 1 % or more
	}

	@Test
	void inputExceptionsAreUserFacing() {
		assertThrows(InputException.class, () -> BoSettings.defaults().withBatch(0, 1, 1));
	}
}
