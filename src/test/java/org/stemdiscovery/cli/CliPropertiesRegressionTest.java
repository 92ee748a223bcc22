package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command lines the property test ({@link CliPropertiesTest}) once found failing, kept as regular tests: each
 * must now exit 0, or 2 with one line. {@code IMAGE}, {@code MASK}, {@code STACK} and {@code ATOMS} stand for the
 * property test's small inputs.
 */
class CliPropertiesRegressionTest {

	private static CliProperties cases;

	@BeforeAll
	static void writeImages() throws Exception {
		cases = new CliProperties();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		cases.close();
	}

	static List<String> found() {
		return List.of(
			// seed -7, first run: a 9 x 9 window grid reached the SSIM of the simulated run (exit 1); now exit 2
			"workflow --image IMAGE --mask MASK --atoms log --step 4 --workflow 1 --steps 2 --batch 4 --iterations 40 " +
				"--window 16 --method nmf-mu --latent 1 --cell 6 --seeds 3 --travel 76.14137244783564 --threads 1");
	}

	@ParameterizedTest
	@MethodSource("found")
	void stillSucceedsOrIsRefusedInOneLine(String line) throws Exception {
		List<String> args = new java.util.ArrayList<>(List.of(line.replace("IMAGE", cases.dir().resolve("plane.tif")
			.toString()).replace("MASK", cases.dir().resolve("mask.tif").toString()).replace("STACK", cases.dir().resolve(
				"fft/fft-stack.tif").toString()).replace("ATOMS", cases.dir().resolve("atoms/atoms.csv").toString()).split(" ")));
		args.addAll(List.of("--out", cases.dir().resolve("regression-out").toString()));
		CliProperties.Outcome o = cases.run(args);
		assertTrue(o.code() == 0 || o.code() == 2, "exit " + o.code() + ": " + o.err());
		if (o.code() == 2) assertEquals(1, o.err().lines().count(), o.err());
	}
}
