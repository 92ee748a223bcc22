package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.io.Tiff;

/**
 * The command line's one guard (issue 14): an unexpected failure, forced by a verb that exists only in this test,
 * is exit 1 and one line naming what failed, where and the log with the stack trace; {@code --debug} prints the
 * trace too; bad input stays exit 2 and one line.
 */
class CliGuardTest {

	@TempDir
	Path dir;

	record Result(int code, String out, String err) {

		List<String> errLines() {
			return err.lines().toList();
		}
	}

	/** A verb whose work throws what {@code failure} gives. */
	private static Verb failing(Supplier<Throwable> failure) {
		return new Verb() {
			@Override
			public Spec spec() {
				return new Spec("boom", "Boom", "fails", "fails on purpose", List.of(Param.integer("n", 1).range(1, 10)));
			}

			@Override
			public boolean needsOut() {
				return false;
			}

			@Override
			public List<String> outputs(Values values) {
				return List.of("boom.csv");
			}

			@Override
			public void run(Call call) throws Exception {
				Throwable t = failure.get();
				if (t instanceof Exception e) throw e;
				throw (Error) t;
			}
		};
	}

	private static Result run(Verb verb, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = new Cli(List.of(verb), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8)).run(args);
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static int recurse(int n) {
		return recurse(n + 1) + 1;
	}

	@Test
	void anOutOfMemoryErrorIsOneLineExit1AndATraceInTheOutputFolder() throws Exception {
		Path out = dir.resolve("out");
		Result r = run(failing(() -> new OutOfMemoryError("Java heap space")), "boom", "--out", out.toString());
		assertEquals(1, r.code());
		assertEquals(1, r.errLines().size(), r.err());
		String line = r.errLines().get(0);
		assertTrue(line.startsWith("stem-discovery boom: unexpected failure (OutOfMemoryError: Java heap space) in "), line);
		assertTrue(line.contains("CliGuardTest"), line); // where: the first frame of our code
		List<Path> logs = logs(out);
		assertEquals(1, logs.size());
		assertTrue(line.contains(logs.get(0).toString()), line);
		String log = Files.readString(logs.get(0));
		assertTrue(log.contains("java.lang.OutOfMemoryError: Java heap space") && log.contains("\tat "), log);
		assertTrue(log.startsWith("stem-discovery boom --out "), log);
	}

	@Test
	void aStackOverflowAndARuntimeExceptionAreGuardedToo() throws Exception {
		Path out = dir.resolve("so");
		Result so = run(failing(() -> {
			try {
				recurse(0);
			}
			catch (StackOverflowError e) {
				return e;
			}
			return null;
		}), "boom", "--out", out.toString());
		assertEquals(1, so.code());
		assertEquals(1, so.errLines().size(), so.err());
		assertTrue(so.err().contains("StackOverflowError") && so.err().contains("CliGuardTest.recurse"), so.err());
		Result npe = run(failing(() -> new NullPointerException("x is null")), "boom", "--out", out.toString());
		assertEquals(1, npe.code());
		assertEquals(1, npe.errLines().size(), npe.err());
		assertEquals(2, logs(out).size()); // one log per failure, none overwritten
	}

	@Test
	void withoutAnOutputFolderTheLogGoesToTheTemporaryFolder() throws Exception {
		Result r = run(failing(() -> new IllegalStateException("no")), "boom");
		assertEquals(1, r.code());
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		String line = r.errLines().get(0);
		int at = line.indexOf("the details are in ") + "the details are in ".length();
		Path log = Path.of(line.substring(at, line.indexOf("; please report it")));
		assertEquals(tmp.toRealPath(), log.getParent().toRealPath());
		assertTrue(Files.readString(log).contains("IllegalStateException: no"));
		Files.delete(log);
	}

	@Test
	void debugAlsoPrintsTheTrace() throws Exception {
		Path out = dir.resolve("dbg");
		for (String[] args : List.of(new String[] { "--debug", "boom", "--out", out.toString() }, new String[] { "boom",
			"--debug", "--out", out.toString() })) {
			Result r = run(failing(() -> new IllegalStateException("broken")), args);
			assertEquals(1, r.code(), r.err());
			assertTrue(r.errLines().size() > 2, r.err());
			assertTrue(r.errLines().get(0).contains("unexpected failure (IllegalStateException: broken)"), r.err());
			assertTrue(r.err().contains("\tat "), r.err());
		}
	}

	@Test
	void badInputStaysExit2AndOneLineWithNoLog() throws Exception {
		Path out = dir.resolve("bad");
		Result r = run(failing(() -> new IllegalStateException("never")), "boom", "--n", "11", "--out", out.toString());
		assertEquals(2, r.code());
		assertEquals(List.of("stem-discovery boom: n 11 is out of range; choose 1 to 10"), r.errLines());
		assertFalse(Files.exists(out));
	}

	@Test
	void aOneByOneImageIsRefusedWhereAPlaneIsNeeded() throws Exception {
		Path one = dir.resolve("one.tif");
		Tiff.writeFloat(one, new float[] { 1 }, 1, 1, 1, Map.of());
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		int code = Main.run(new String[] { "fft", "--image", one.toString(), "--out", dir.resolve("f").toString() },
			new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
		String err = e.toString(StandardCharsets.UTF_8);
		assertEquals(2, code, err);
		assertEquals(List.of("stem-discovery fft: one.tif is 1 x 1 px; fft needs a 2-D image of at least 8 x 8 px"), err
			.lines().toList());
	}

	private static List<Path> logs(Path dir) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().startsWith(ErrorLog.PREFIX)).sorted().toList();
		}
	}
}
