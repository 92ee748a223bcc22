package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.image.InputException;

/** Every count and size has an upper bound, and the products tasks compute cannot overflow past it (issue 14). */
class UpperBoundsTest {

	@TempDir
	Path dir;

	@Test
	void everyWholeNumberOfEverySpecHasAnUpperBound() {
		List<String> unbounded = new ArrayList<>();
		for (Verb v : Main.verbs())
			for (Param p : v.spec().params())
				if (p.kind() == Param.Kind.INT && !p.name().equals("seed") && p.max() == Double.POSITIVE_INFINITY)
					unbounded.add(v.spec().name() + " --" + p.name());
		assertEquals(List.of(), unbounded); // random seeds are bounded by the int range itself
	}

	@Test
	void stepsTimesBatchIsCountedInLongArithmetic() {
		BoSettings s = BoSettings.defaults().withBatch(Integer.MAX_VALUE, Integer.MAX_VALUE, 3);
		assertEquals(9 + (long) Integer.MAX_VALUE * Integer.MAX_VALUE, s.totalPoints());
		String m = assertThrows(InputException.class, () -> BoSettings.defaults().withBatch(10, Integer.MAX_VALUE, 1)
			.checkGrid(64, 64)).getMessage();
		assertTrue(m.contains("= 21474836471 exceed the 4096 pixels"), m);
	}

	@Test
	void hugeCountsAreRefusedBeforeAnyWork() throws Exception {
		Path target = dir.resolve("t.tif");
		float[] px = new float[32 * 32];
		for (int i = 0; i < px.length; i++)
			px[i] = (float) Math.sin(i * 0.3);
		org.stemdiscovery.io.Tiff.writeFloat(target, px, 32, 32, 1, java.util.Map.of());
		assertOneLine("steps 2147483647 is out of range; choose 0 to 100000", "bo", "--target", target.toString(),
			"--steps", "2147483647", "--out", dir.resolve("bo").toString());
		assertOneLine("iterations 1000000 is out of range; choose 1 to 100000", "decompose", "--stack", target.toString(),
			"--max-iter", "1000000", "--out", dir.resolve("d").toString());
		assertOneLine("sizes 100000 px is out of range (one 100000 x 100000 scene needs about 223.5 GB of memory); " +
			"choose 64 to 4096", "make-test-images", "--sizes", "100000", "--out", dir.resolve("m").toString());
		assertOneLine("3 kernels × 3 acquisitions × 2 lengths × 100001 seeds = 1800018 runs; give at most 100000 in one sweep",
			"sweep", "--target", target.toString(), "--seeds", seeds(100_001), "--out", dir.resolve("s").toString());
		assertTrue(Files.notExists(dir.resolve("bo")) && Files.notExists(dir.resolve("m")));
	}

	private static String seeds(int n) {
		StringBuilder sb = new StringBuilder("0");
		for (int i = 1; i < n; i++)
			sb.append(',').append(i);
		return sb.toString();
	}

	private static void assertOneLine(String expected, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
		String e = err.toString(StandardCharsets.UTF_8);
		assertEquals(2, code, e);
		assertEquals(1, e.lines().count(), e);
		assertTrue(e.contains(expected), e);
	}
}
