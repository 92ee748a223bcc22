package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;

/** Golden values from scikit-learn / NumPy / the reference N-FINDR on the 256² FFT stacks (k = 3, 1000 iterations). */
class ReferenceDecompositionTest {

	@Test
	void svdSingularValuesMatchNumpy() throws Exception {
		for (String name : new String[] { "pillars_256", "graphene_256" }) {
			Samples x = ReferenceStacks.stack(name);
			Map<String, Object> ref = ReferenceStacks.method(ReferenceStacks.json(name), "svd");
			double[] expected = ReferenceStacks.numbers(ref, "singular_values");
			Decomposition d = new Svd(expected.length, 0, 2).unmix(x, Progress.NONE);
			for (int t = 0; t < expected.length; t++)
				assertEquals(expected[t], d.singularValues()[t], 1e-4 * expected[t], name + " σ" + (t + 1));
			Decomposition three = new Svd(3, 7, 2).unmix(x, Progress.NONE);
			// The truncated error is the Eckart–Young floor NumPy reports.
			assertEquals(ReferenceStacks.number(ref, "rel_err"), three.relativeError(), 1e-9, name);
			double explained = Arrays.stream(three.share()).sum();
			assertEquals(1 - three.relativeError() * three.relativeError(), explained, 1e-9);
		}
	}

	@Test
	void nmfMatchesScikitLearnReconstructionError() throws Exception {
		for (String name : new String[] { "pillars_256", "graphene_256" }) {
			Samples x = ReferenceStacks.stack(name);
			double expected = ReferenceStacks.number(ReferenceStacks.method(ReferenceStacks.json(name), "nmf_cd"), "rel_err");
			Decomposition d = new Nmf(NmfSettings.of(3).withMaxIter(1000).withThreads(2)).unmix(x, Progress.NONE);
			assertEquals(expected, d.relativeError(), 0.01 * expected, name);
			assertTrue(d.relativeError() <= expected * (1 + 1e-6), name + ": the accelerated sweeps end no worse than cd");
			for (double[] row : d.abundances())
				for (double v : row)
					assertTrue(v >= 0);
			for (double[] row : d.components())
				for (double v : row)
					assertTrue(v >= 0);
		}
	}

	/** With one sweep per update the solver is scikit-learn's cd step for step: same stop, same error. */
	@Test
	void nmfWithOneSweepRetracesScikitLearnCd() throws Exception {
		Samples x = ReferenceStacks.stack("wall_256");
		Map<String, Object> ref = ReferenceStacks.method(ReferenceStacks.json("wall_256"), "nmf_cd");
		Decomposition d = new Nmf(NmfSettings.of(3).withSweeps(1).withThreads(2)).unmix(x, Progress.NONE);
		assertEquals((int) ReferenceStacks.number(ref, "n_iter"), d.iterations());
		assertTrue(d.converged());
		assertEquals(ReferenceStacks.number(ref, "rel_err"), d.relativeError(), 1e-7);
	}

	@Test
	void multiplicativeUpdatesMatchScikitLearnMu() throws Exception {
		Samples x = ReferenceStacks.stack("pillars_256");
		Map<String, Object> ref = ReferenceStacks.method(ReferenceStacks.json("pillars_256"), "nmf_mu");
		Decomposition d = new Nmf(NmfSettings.of(3).withSolver(NmfSettings.Solver.MU).withThreads(2)).unmix(x,
			Progress.NONE);
		assertEquals((int) ReferenceStacks.number(ref, "n_iter"), d.iterations());
		assertEquals(ReferenceStacks.number(ref, "rel_err"), d.relativeError(), 1e-5);
	}

	@Test
	void nfindrFromTheReferenceStartFindsTheReferenceEndmembersAndAbundances() throws Exception {
		for (String name : new String[] { "pillars_256", "wall_256", "graphene_256" }) {
			Samples x = ReferenceStacks.stack(name);
			Map<String, Object> ref = ReferenceStacks.method(ReferenceStacks.json(name), "nfindr");
			int[] start = Arrays.stream(ReferenceStacks.numbers(ref, "init_idx")).mapToInt(v -> (int) v).toArray();
			int[] ends = Arrays.stream(ReferenceStacks.numbers(ref, "endmember_idx")).mapToInt(v -> (int) v).toArray();
			Decomposition d = new NFindr(NFindrSettings.of(3).withStartAt(start).withThreads(2)).unmix(x, Progress.NONE);
			assertArrayEquals(ends, d.endmembers(), name);
			assertEquals((int) ReferenceStacks.number(ref, "passes"), d.iterations(), name + " passes");
			assertEquals(ReferenceStacks.number(ref, "rel_err"), d.relativeError(), 1e-9, name);
			TiffImage maps = ReferenceStacks.maps(name, "nfindr");
			float[] ours = d.abundancesAsFloats();
			for (int i = 0; i < ours.length; i++)
				assertEquals(maps.pixels()[i], ours[i], 1e-5, name + " abundance " + i);
			for (int i = 0; i < x.n(); i++) {
				double sum = 0;
				for (int t = 0; t < 3; t++) {
					assertTrue(d.abundances()[t][i] >= 0);
					sum += d.abundances()[t][i];
				}
				assertEquals(1, sum, 1e-12);
			}
		}
	}

	@Test
	void nfindrFromAtgpReachesTheSameSimplexAsTheReference() throws Exception {
		Samples x = ReferenceStacks.stack("pillars_256");
		Map<String, Object> ref = ReferenceStacks.method(ReferenceStacks.json("pillars_256"), "nfindr");
		int[] expected = Arrays.stream(ReferenceStacks.numbers(ref, "endmember_idx")).mapToInt(v -> (int) v).sorted()
			.toArray();
		Decomposition d = new NFindr(NFindrSettings.of(3)).unmix(x, Progress.NONE);
		assertArrayEquals(expected, Arrays.stream(d.endmembers()).sorted().toArray());
	}
}
