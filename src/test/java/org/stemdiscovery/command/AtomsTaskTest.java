package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Cancelled;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.RandomLatticeScene;
import org.stemdiscovery.sim.SyntheticImage;
import org.stemdiscovery.torch.TorchEngine;
import org.stemdiscovery.vae.AtomPatches;

class AtomsTaskTest {

	@BeforeAll
	static void threads() {
		System.setProperty(TorchEngine.PROPERTY, "1");
	}

	private static SyntheticImage scene(int w, int h) {
		return new RandomLatticeScene(10, 14, 100, 100, 0.02).generate(w, h, 99);
	}

	private static AtomsParams params(Map<String, ?> given) {
		return AtomsParams.from(AtomsParams.SPEC.parse(given));
	}

	@Test
	void theClassicalFinderHasOneNameAndTheOldOneAsAnAlias() {
		assertEquals(List.of("dcnn", "log"), AtomsParams.SPEC.param("method").choices());
		assertEquals("log", params(Map.of("method", "classical")).method());
		InputException e = assertThrows(InputException.class, () -> params(Map.of("method", "magic")));
		assertEquals("method 'magic' is unknown; choose dcnn or log", e.getMessage());
	}

	@Test
	void augmentIsDescribedOnce() {
		// Before, the CLI said "4x slower" and the dialog "8 passes": both now show the finder's one wording.
		assertEquals(FinderSettings.AUGMENT_HELP, AtomsParams.SPEC.param("augment").help());
		assertTrue(FinderSettings.AUGMENT_HELP.contains("8 symmetries of a square tile, 4 of an oblong one"));
		// The label stays as recorded macros know it: ImageJ's key stops at the colon.
		assertEquals("augment", AtomsParams.SPEC.param("augment").macroKey());
	}

	@Test
	void parametersOnlyOneDoorHadAreInTheSpecWithTheCoresDefaults() {
		AtomsParams p = params(Map.of());
		assertEquals(FinderSettings.defaults(), p.settings());
		assertEquals(1088, p.tile());
		assertEquals(3, p.snr());
		assertEquals("max-shift", AtomsParams.SPEC.param("shift").aliases().get(0));
		assertThrows(InputException.class, () -> params(Map.of("threshold", 1.0)));
	}

	@Test
	void cancellingBetweenTilesStopsTheFinderAndClosesTheModel() {
		SyntheticImage s = scene(256, 256);
		AtomicInteger reports = new AtomicInteger();
		Progress cancelAfterFirstTile = new Progress() {
			@Override
			public void report(double fraction, String message) {
				reports.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return reports.get() > 0;
			}
		};
		// Tiles of 128 px with 32 px margins: 16 tiles, cancelled after the first.
		assertThrows(CancelledException.class, () -> AtomsTask.run(s.noisy(), 256, 256, "scene", params(Map.of("tile",
			128, "threads", 1)), cancelAfterFirstTile));
		assertEquals(1, reports.get());
	}

	@Test
	void theFinderIsClosedAfterUseAndAfterACancel() {
		SyntheticImage s = scene(128, 128);
		AtomsParams p = params(Map.of("method", "log"));
		AtomicInteger closed = new AtomicInteger();
		Supplier<AtomFinder> counting = () -> new AtomFinder() {
			private final AtomFinder log = p.openFinder();

			@Override
			public Detection detect(float[] pixels, int width, int height, Progress progress) {
				return log.detect(pixels, width, height, progress);
			}

			@Override
			public void close() {
				closed.incrementAndGet();
			}
		};
		AtomsTask.run(s.noisy(), 128, 128, "scene", p, counting, Progress.NONE);
		assertEquals(1, closed.get());
		Progress cancelled = Cancelled.PROGRESS;
		Supplier<AtomFinder> cancelledInside = () -> new AtomFinder() {
			@Override
			public Detection detect(float[] pixels, int width, int height, Progress progress) {
				progress.checkCancelled();
				return null;
			}

			@Override
			public void close() {
				closed.incrementAndGet();
			}
		};
		assertThrows(CancelledException.class, () -> AtomsTask.run(s.noisy(), 128, 128, "scene", p, cancelledInside,
			new Progress() {
				private int asked;

				@Override
				public void report(double fraction, String message) {}

				@Override
				public boolean isCancelled() {
					return ++asked > 1; // not before the finder opens, but inside it
				}
			}));
		assertEquals(2, closed.get());
		assertThrows(CancelledException.class, () -> AtomsTask.run(s.noisy(), 128, 128, "scene", p, counting,
			cancelled));
	}

	@Test
	void atomsThenPatchesKeepEveryAtomInTheStackInfo() {
		SyntheticImage s = scene(160, 128);
		Result atoms = AtomsTask.run(s.noisy(), 160, 128, "scene.tif", params(Map.of("method", "log")), Progress.NONE);
		Table t = atoms.table(AtomsTask.TABLE);
		assertTrue(t.size() > 50, atoms.summary());
		assertEquals(List.of("x", "y", "class", "probability"), t.csvHeader());
		assertEquals("log", atoms.image(AtomsTask.PROBABILITY).info().get("stemdiscovery.atoms.method"));
		List<org.stemdiscovery.atoms.FoundAtom> found = java.util.stream.IntStream.range(0, t.size()).mapToObj(
			i -> new org.stemdiscovery.atoms.FoundAtom((Double) t.get("X", i), (Double) t.get("Y", i), (Integer) t.get(
				"Class", i), (Double) t.get("Probability", i))).toList();
		Result p = PatchesTask.run(s.noisy(), 160, 128, "scene.tif", found, "Atoms", new PatchesParams(16),
			Progress.NONE);
		FloatImage stack = p.image(PatchesTask.STACK);
		AtomPatches back = AtomPatches.fromProperties(stack.info(), new org.stemdiscovery.vae.PatchStack(stack.data(), 16,
			16, stack.planes()));
		assertEquals(stack.planes(), p.table(PatchesTask.TABLE).size());
		for (int k = 0; k < stack.planes(); k++)
			assertEquals(found.get(back.atomIndex()[k]).x(), back.x()[k], 1e-4);
		assertTrue(p.summary().contains((found.size() - stack.planes()) + " atoms skipped"), p.summary());
	}
}
