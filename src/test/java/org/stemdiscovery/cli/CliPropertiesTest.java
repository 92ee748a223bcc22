package org.stemdiscovery.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test of every drawn verb's spec (issue 14): 1,000 random command lines per run (in range, at the
 * edges, out of range; now and then a bad file or an unknown option) on small images, run in-process; each exits 0,
 * or 2 with exactly one line on stderr, never 1, never another exception, never past the per-case timeout. Which
 * verbs and choices are left out of the draw, and why: {@link CliProperties#NOT_DRAWN}. A failing case is kept as
 * a regular test in {@link CliPropertiesRegressionTest}.
 *
 * <p>Plain JUnit: each case is a dynamic test named by its seed. The draw is seeded (property
 * {@code stemdiscovery.properties.seed}, default fixed so that CI sees the same 1,000 cases every run; give another
 * number, or {@code random}, to explore further). jqwik was the first choice, but its current release prints a
 * notice that AI agents must not use it, so it is not a dependency of this project.
 */
class CliPropertiesTest {

	private static final int CASES = 1000;
	private static CliProperties cases;

	@BeforeAll
	static void writeImages() throws Exception {
		cases = new CliProperties();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		cases.close();
	}

	@TestFactory
	Stream<DynamicTest> everyRunSucceedsOrIsRefusedInOneLine() {
		String given = System.getProperty("stemdiscovery.properties.seed", "20261202");
		long master = given.equals("random") ? System.nanoTime() : Long.parseLong(given);
		SplittableRandom r = new SplittableRandom(master);
		List<Verb> verbs = CliProperties.drawn();
		List<DynamicTest> tests = new ArrayList<>(CASES);
		for (int i = 0; i < CASES; i++) {
			Verb verb = verbs.get(r.nextInt(verbs.size()));
			long seed = r.nextLong();
			tests.add(DynamicTest.dynamicTest(verb.spec().name() + " seed " + seed, () -> {
				List<String> args = cases.args(verb, seed);
				CliProperties.Outcome o = cases.run(args);
				if (o.code() == 0 || (o.code() == 2 && o.err().lines().count() == 1)) return;
				throw new AssertionError("exit " + o.code() + " (expected 0, or 2 with one line) for seed " + seed +
					" (master " + master + "): stem-discovery " + String.join(" ", args) + "\n" + o.err());
			}));
		}
		return tests.stream();
	}
}
