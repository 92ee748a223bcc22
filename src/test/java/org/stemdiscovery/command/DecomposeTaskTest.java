package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.decompose.NFindrSettings;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/** Decompose's spec and task without a door: the defaults, the registry's names, the outputs both doors render. */
class DecomposeTaskTest {

	static final int W = 6, H = 5, N = 12;

	/** 12 non-negative frames of 6 x 5 px mixing three patterns. */
	static float[] frames() {
		float[] x = new float[W * H * N];
		for (int s = 0; s < N; s++)
			for (int i = 0; i < W * H; i++)
				x[s * W * H + i] = (float) (1 + Math.sin(0.2 * i * (1 + s % 3)) + 0.05 * s);
		return x;
	}

	static DecomposeParams params(Map<String, ?> given) {
		return DecomposeParams.from(DecomposeParams.SPEC.parse(given));
	}

	@Test
	void theSpecDeclaresEveryParameterOnceWithTheDefaultsBothDoorsHad() {
		DecomposeParams p = params(Map.of());
		assertEquals(new DecomposeParams("nmf", 3, 0, 500, 1e-4, "atgp", false, 0), p);
		assertEquals(Unmixer.METHODS.names(), DecomposeParams.SPEC.param("method").choices());
		assertEquals(List.of("nmf", "svd", "nfindr", "nmf-mu"), DecomposeParams.SPEC.param("method").choices());
		assertEquals(List.of("k"), DecomposeParams.SPEC.param("components").aliases());
		assertEquals(List.of("max-iter"), DecomposeParams.SPEC.param("iterations").aliases());
		assertEquals("components", DecomposeParams.SPEC.param("components").macroKey());
		assertEquals("tolerance", DecomposeParams.SPEC.param("tol").macroKey());
		assertEquals("start", DecomposeParams.SPEC.param("start").macroKey());
	}

	@Test
	void olderMethodSpellingsBecomeTheRegisteredName() {
		assertEquals("nfindr", params(Map.of("method", "n-findr")).method());
		assertEquals("nmf-mu", params(Map.of("method", "mu")).method());
		assertEquals("nmf-mu", params(Map.of("method", "NMF_MU")).method());
		String msg = assertThrows(InputException.class, () -> params(Map.of("method", "ica"))).getMessage();
		assertTrue(msg.contains("'ica'") && msg.contains("nmf, svd, nfindr or nmf-mu"), msg);
	}

	/** Drift fixed: the command line refused --threads 0, Fiji took it as every core; the spec decides for both. */
	@Test
	void zeroThreadsIsEveryCore() {
		assertEquals(Runtime.getRuntime().availableProcessors(), params(Map.of("threads", 0)).settings().threads());
		assertEquals(1, params(Map.of("threads", 1)).settings().threads());
		assertThrows(InputException.class, () -> params(Map.of("threads", -1)));
	}

	@Test
	void settingsReachTheUnmixers() {
		DecomposeParams p = params(Map.of("start", "random", "tol", "0.01", "shift", true, "iterations", 7, "seed", 3));
		assertEquals(NFindrSettings.Start.RANDOM, p.settings().start());
		assertEquals(0.01, p.settings().tol());
		assertTrue(p.settings().shift());
		assertEquals(7, p.settings().maxIter());
		assertEquals(3, p.settings().seed());
		assertThrows(InputException.class, () -> params(Map.of("start", "vca")));
		assertThrows(InputException.class, () -> params(Map.of("tol", -1)));
	}

	@Test
	void withoutAGridTheAbundancesAreOneRowPerComponent() {
		Result r = DecomposeTask.run(frames(), N, W, H, null, "frames.tif", null, params(Map.of("method", "nfindr",
			"threads", 1)), Progress.NONE);
		FloatImage comps = r.image(DecomposeTask.COMPONENTS), maps = r.image(DecomposeTask.ABUNDANCES);
		assertEquals(List.of(W, H, 3), List.of(comps.width(), comps.height(), comps.planes()));
		assertEquals(List.of(N, 1, 3), List.of(maps.width(), maps.height(), maps.planes()));
		assertEquals("frames.tif", comps.info().get(FftTask.SOURCE_KEY), "the stack is its own source");
		assertEquals("nfindr", comps.info().get(DecomposeTask.METHOD_KEY));
		assertEquals("3", comps.info().get(DecomposeTask.K_KEY));
		assertTrue(Double.parseDouble(comps.info().get(DecomposeTask.ERROR_KEY)) < 1);
		Table t = r.table(DecomposeTask.TABLE);
		assertEquals(List.of("component", "share", "min", "mean", "max", "endmember_frame"), t.csvHeader());
		assertEquals(1, t.get("Component", 0));
		assertEquals(List.of("method", "k", "frames", "features", "relative_error", "share", "iterations", "converged",
			"seconds", "grid"), List.copyOf(r.metadata().keySet()));
		assertEquals(false, r.metadata().get("grid"));
		assertTrue(r.summary().startsWith("nfindr, k 3: relative error "), r.summary());
	}

	@Test
	void onAGridTheMapsCarryItAndEndmembersTheirWindowCentre() {
		Grid grid = Grid.ofWindows(16, 14, 4, 4); // 4 x 3 windows: 12 frames
		assertEquals(N, grid.size());
		DecomposeTask.Output out = DecomposeTask.compute(frames(), N, W, H, grid, "p-fft", "p.tif", params(Map.of(
			"method", "nfindr", "components", 2, "threads", 1)), Progress.NONE);
		FloatImage maps = out.result().image(DecomposeTask.ABUNDANCES);
		assertEquals(List.of(grid.cols(), grid.rows()), List.of(maps.width(), maps.height()));
		assertEquals(grid, Grid.fromProperties(maps.info()));
		assertEquals("p.tif", maps.info().get(FftTask.SOURCE_KEY));
		Table t = out.result().table(DecomposeTask.TABLE);
		assertEquals(List.of("component", "share", "min", "mean", "max", "endmember_frame", "x", "y"), t.csvHeader());
		int e = out.decomposition().endmembers()[1];
		assertEquals(e + 1, t.get("Endmember frame", 1));
		assertEquals(grid.centreX(grid.col(e)), t.get("X", 1));
		Table svd = DecomposeTask.run(frames(), N, W, H, grid, "p-fft", null, params(Map.of("method", "svd", "components",
			2, "threads", 1)), Progress.NONE).table(DecomposeTask.TABLE);
		assertEquals(List.of("component", "share", "min", "mean", "max", "singular_value"), svd.csvHeader());
		assertTrue(svd.get("Singular value", 0) instanceof Double);
	}

	@Test
	void aSingleFrameIsRefusedWithWhatToDo() {
		String msg = assertThrows(InputException.class, () -> DecomposeTask.run(new float[W * H], 1, W, H, null, "one.tif",
			null, params(Map.of()), Progress.NONE)).getMessage();
		assertTrue(msg.contains("'one.tif' is a single 2-D image") && msg.contains("Sliding FFT Stack"), msg);
	}
}
