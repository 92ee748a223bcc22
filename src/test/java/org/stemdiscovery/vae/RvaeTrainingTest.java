package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Cancelled;
import org.stemdiscovery.image.Progress;

class RvaeTrainingTest {

	private static final RvaeArchitecture SMALL = RvaeArchitecture.defaults(12, 12, 2).withHidden(32, 32);
	private static final RvaeTraining FEW = RvaeTraining.defaults().withEpochs(6).withBatchSize(30).withLearningRate(3e-3);

	private static TrainingHistory train(PatchStack s, RvaeTraining t, long seed) {
		try (Rvae model = Rvae.create(SMALL, seed)) {
			return new RvaeTrainer(t.withSeed(seed)).train(model, s, Progress.NONE, null);
		}
	}

	@Test
	void lossDecreasesAndTheListenerSeesEveryEpoch() {
		PatchStack s = Motifs.make(120, 12, -1, 1, 3).stack;
		List<Double> seen = new ArrayList<>();
		TrainingHistory h;
		try (Rvae model = Rvae.create(SMALL, 0)) {
			h = new RvaeTrainer(FEW).train(model, s, Progress.NONE, (e, loss, rec) -> seen.add(loss));
		}
		assertEquals(6, seen.size());
		assertEquals(h.finalLoss(), seen.get(5), 0);
		assertTrue(h.finalLoss() < 0.9 * h.loss()[0], "loss " + h.loss()[0] + " -> " + h.finalLoss());
		assertTrue(h.finalReconstruction() < h.reconstruction()[0]);
	}

	@Test
	void sameSeedGivesSameFinalLossAndAnotherSeedDoesNot() {
		PatchStack s = Motifs.make(90, 12, -1, 1, 4).stack;
		RvaeTraining t = FEW.withEpochs(3);
		double a = train(s, t, 7).finalLoss(), b = train(s, t, 7).finalLoss(), c = train(s, t, 8).finalLoss();
		assertEquals(a, b, 1e-5 * Math.abs(a));
		assertNotEquals(a, c, 1e-5 * Math.abs(a));
	}

	@Test
	void cancellingStopsTraining() {
		PatchStack s = Motifs.make(60, 12, -1, 1, 5).stack;
		Progress cancelled = Cancelled.PROGRESS;
		try (Rvae model = Rvae.create(SMALL, 0)) {
			assertThrows(CancelledException.class, () -> new RvaeTrainer(FEW).train(model, s, cancelled, null));
		}
	}

	@Test
	void fewerPatchesThanTheBatchAreRefusedWithTheFix() {
		PatchStack s = Motifs.make(20, 12, -1, 1, 6).stack;
		try (Rvae model = Rvae.create(SMALL, 0)) {
			InputException e = assertThrows(InputException.class, () -> new RvaeTrainer(FEW).train(model, s, Progress.NONE, null));
			assertTrue(e.getMessage().contains("20 patches") && e.getMessage().contains("at most 20"), e.getMessage());
		}
	}

	@Test
	void patchesOfDifferentSizesAndNaNsAreRefused() {
		InputException sizes = assertThrows(InputException.class,
			() -> PatchStack.of(List.of(new float[144], new float[100]), 12, 12));
		assertTrue(sizes.getMessage().contains("patch 2") && sizes.getMessage().contains("same size"), sizes.getMessage());
		float[] d = new float[2 * 144];
		d[144 + 13] = Float.NaN;
		InputException nan = assertThrows(InputException.class, () -> new PatchStack(d, 12, 12, 2));
		assertTrue(nan.getMessage().contains("patch 2") && nan.getMessage().contains("NaN"), nan.getMessage());
		PatchStack other = Motifs.make(40, 16, -1, 1, 7).stack;
		try (Rvae model = Rvae.create(SMALL, 0)) {
			InputException e = assertThrows(InputException.class, () -> model.encode(other));
			assertTrue(e.getMessage().contains("12 x 12") && e.getMessage().contains("16 x 16"), e.getMessage());
		}
		float[] flat = new float[3 * 144];
		try (Rvae model = Rvae.create(SMALL, 0)) {
			InputException constant = assertThrows(InputException.class,
				() -> new RvaeTrainer(FEW.withBatchSize(3)).train(model, new PatchStack(flat, 12, 12, 3), Progress.NONE, null));
			assertTrue(constant.getMessage().contains("differ"), constant.getMessage());
		}
	}
}
