package org.stemdiscovery.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.stemdiscovery.command.Param;
import org.stemdiscovery.io.Tiff;

/**
 * The random command lines of {@link CliPropertiesTest}: for every verb in the draw, each parameter of its spec is
 * left out or given a value in range (capped where a large value only costs time), at an edge of its range, or
 * out of range (below, above, not a number, NaN, empty), and now and then an input file is swapped for a bad one
 * or an unknown option is added. Runs the CLI in-process with a per-case timeout.
 */
final class CliProperties {

	/**
	 * Verbs not drawn: rvae, encode and train-atom-finder train or run PyTorch networks (seconds to minutes per
	 * run), demo runs the bundled full-size images, serve is a server that runs until it is stopped (its checks
	 * before it listens are in link.LinkServerTest and CliSpecTest). Choices not drawn: the DCNN atom finder and workflows 2 and 3
	 * (PyTorch) of workflow and experiment. Their checks before work are covered by their own tests.
	 */
	static final Set<String> NOT_DRAWN = Set.of("rvae", "encode", "train-atom-finder", "demo", "serve");

	static final Map<String, Set<String>> CHOICES_NOT_DRAWN = Map.of("atoms.method", Set.of("dcnn"), "workflow.workflow",
		Set.of("2", "3"), "workflow.atoms", Set.of("dcnn"), "experiment.workflow", Set.of("2", "3"), "experiment.atoms",
		Set.of("dcnn"));

	/** Values that keep each run small unless the draw gives the parameter (the draw replaces them). */
	static final Map<String, Map<String, String>> BASE = Map.of(
		"fft", Map.of("window", "16", "step", "8"),
		"decompose", Map.of("iterations", "40", "components", "2"),
		"atoms", Map.of("method", "log"),
		"patches", Map.of("size", "8"),
		"bo", Map.of("steps", "2", "batch", "4"),
		"sweep", Map.of("steps", "2", "batch", "4", "kernels", "rbf", "acquisitions", "ei", "lengths", "5"),
		"workflow", Map.of("workflow", "1", "window", "16", "step", "4", "steps", "2", "batch", "4", "iterations", "40",
			"atoms", "log"),
		"experiment", Map.of("workflow", "1", "budget", "8", "patch", "16", "spacing", "8", "batch", "4", "iterations",
			"40", "atoms", "log", "survey-training", "off", "epochs", "1"),
		"make-test-images", Map.of("sizes", "64"));

	/** The largest in-range value drawn for a whole number where large values only cost time (by parameter name). */
	static final Map<String, Integer> COST_CAP = Map.ofEntries(Map.entry("steps", 4), Map.entry("batch", 8),
		Map.entry("seeds", 3), Map.entry("grid", 3), Map.entry("iterations", 60), Map.entry("epochs", 1),
		Map.entry("retrain-epochs", 1), Map.entry("retrain-every", 2), Map.entry("budget", 12), Map.entry("window", 32),
		Map.entry("step", 16), Map.entry("zoom", 4), Map.entry("components", 4), Map.entry("threads", 2),
		Map.entry("parallel", 2), Map.entry("tile", 256), Map.entry("patch", 24), Map.entry("atom-patch", 16),
		Map.entry("spacing", 16), Map.entry("cell", 8), Map.entry("map", 3), Map.entry("size", 16), Map.entry("latent", 4),
		Map.entry("truth-class", 2));

	/** Lists given as text, with good and bad items. */
	static final Map<String, List<String>> TEXT = Map.of(
		"kernels", List.of("rbf", "rbf,rq", "matern52", "cubic", "", "rbf,,", "RBF"),
		"acquisitions", List.of("ei", "ucb,pi", "pi", "nope", ""),
		"lengths", List.of("5", "fit", "3,fit", "0", "-1", "abc", "1e-320", "1e300"),
		"seeds", List.of("0", "1,2", "x", "-1", "2147483648", ""),
		"sizes", List.of("64", "64,72", "63", "100000", "x", "", "64,,"),
		"model", List.of("default", "nosuch.pt", ""));

	static final int TIMEOUT_S = 30;

	private final Path dir;
	private final Path plane, mask, stack, atoms, text, one, empty;
	private final AtomicInteger runs = new AtomicInteger();
	private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "cli-property");
		t.setDaemon(true);
		return t;
	});

	/** Writes the small inputs once: a 48 x 48 lattice with two phases, its mask, an FFT stack and atoms found in it. */
	CliProperties() throws IOException {
		dir = Files.createTempDirectory("cli-properties");
		int n = 48;
		float[] px = new float[n * n];
		byte[] m = new byte[n * n];
		Random r = new Random(7);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				boolean right = x >= n / 2;
				double a = 0;
				for (int cy = 2; cy < n; cy += right ? 6 : 8)
					for (int cx = 2; cx < n; cx += right ? 6 : 8)
						a += Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 1.5 * 1.5));
				px[y * n + x] = (float) (100 * a + 5 * r.nextGaussian() + 10);
				m[y * n + x] = (byte) (right ? 1 : 0);
			}
		plane = dir.resolve("plane.tif");
		Tiff.writeFloat(plane, px, n, n, 1, Map.of());
		mask = dir.resolve("mask.tif");
		Tiff.writeBytes(mask, m, n, n, 1, Map.of());
		Path fft = dir.resolve("fft");
		check(Main.run(new String[] { "fft", "--image", plane.toString(), "--window", "16", "--step", "4", "--out", fft
			.toString() }, quiet(), quiet()), "fft");
		stack = fft.resolve("fft-stack.tif");
		Path found = dir.resolve("atoms");
		check(Main.run(new String[] { "atoms", "--image", plane.toString(), "--method", "log", "--out", found.toString() },
			quiet(), quiet()), "atoms");
		atoms = found.resolve("atoms.csv");
		text = Files.writeString(dir.resolve("notes.tif"), "not an image\n");
		one = dir.resolve("one.tif");
		Tiff.writeFloat(one, new float[] { 1 }, 1, 1, 1, Map.of());
		empty = Files.createFile(dir.resolve("empty.tif"));
	}

	private static void check(int code, String what) {
		if (code != 0) throw new IllegalStateException("setting up the property test: " + what + " exited " + code);
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

	/** The verbs in the draw. */
	static List<Verb> drawn() {
		return Main.verbs().stream().filter(v -> !NOT_DRAWN.contains(v.spec().name())).toList();
	}

	/** One random command line for {@code verb}, from {@code seed}. */
	List<String> args(Verb verb, long seed) {
		Random r = new Random(seed);
		String name = verb.spec().name();
		Map<String, List<String>> options = new LinkedHashMap<>();
		BASE.getOrDefault(name, Map.of()).forEach((k, v) -> options.put(k, List.of("--" + k, v)));
		for (Param p : verb.spec().params()) {
			if (r.nextDouble() >= 0.15) continue;
			Optional<List<String>> o = option(name, p, r);
			if (o.isPresent()) options.put(p.name(), o.get());
			else options.remove(p.name());
		}
		List<String> args = new ArrayList<>(List.of(name));
		for (Verb.FileOption f : verb.inputs()) {
			Path good = switch (f.name()) {
				case "stack" -> stack;
				case "atoms" -> atoms;
				case "mask", "truth" -> mask;
				default -> plane;
			};
			double u = r.nextDouble();
			Path p = u < 0.03 ? dir.resolve("missing.tif") : u < 0.06 ? text : u < 0.09 ? one : u < 0.11 ? empty
				: u < 0.13 ? (good == stack ? plane : stack) : good;
			if (!f.required() && r.nextDouble() < 0.5) continue;
			if (f.required() && r.nextDouble() < 0.02) continue; // a missing required option
			args.add("--" + f.name());
			args.add(p.toString());
		}
		options.values().forEach(args::addAll);
		if (r.nextDouble() < 0.03) args.addAll(List.of("--bogus", "1"));
		args.add("--out");
		args.add(dir.resolve("out-" + runs.incrementAndGet()).toString());
		return args;
	}

	/** The option for one parameter: absent (empty), in range, at an edge or out of range. */
	private static Optional<List<String>> option(String verb, Param p, Random r) {
		String flag = "--" + p.name();
		double kind = r.nextDouble(); // < 0.55 in range, < 0.75 edge, else out of range
		switch (p.kind()) {
			case FLAG -> {
				boolean on = Boolean.TRUE.equals(p.defaultValue());
				if (!on) return Optional.of(List.of(flag));
				String[] v = { "on", "off", "--no", "maybe" };
				String pick = v[r.nextInt(v.length)];
				return Optional.of(pick.equals("--no") ? List.of("--no-" + p.name()) : List.of(flag, pick));
			}
			case CHOICE -> {
				List<String> ok = new ArrayList<>(p.choices());
				ok.removeAll(CHOICES_NOT_DRAWN.getOrDefault(verb + "." + p.name(), Set.of()));
				if (kind < 0.8 && !ok.isEmpty()) return Optional.of(List.of(flag, ok.get(r.nextInt(ok.size()))));
				String[] bad = { "zzz", "", "cubic", " " };
				return Optional.of(List.of(flag, bad[r.nextInt(bad.length)]));
			}
			case TEXT -> {
				List<String> v = TEXT.getOrDefault(p.name(), List.of("", "x"));
				return Optional.of(List.of(flag, v.get(r.nextInt(v.size()))));
			}
			case INT -> {
				return Optional.of(List.of(flag, intValue(p, r, kind)));
			}
			default -> {
				return Optional.of(List.of(flag, realValue(p, r, kind)));
			}
		}
	}

	private static String intValue(Param p, Random r, double kind) {
		long lo = p.min() == Double.NEGATIVE_INFINITY ? -1000 : (long) p.min();
		long hi = p.max() == Double.POSITIVE_INFINITY ? lo + 1000 : (long) p.max();
		long cap = Math.min(hi, COST_CAP.containsKey(p.name()) ? Math.max(lo, COST_CAP.get(p.name())) : hi);
		if (kind < 0.55) return Long.toString(lo + (long) (r.nextDouble() * (cap - lo + 1)));
		if (kind < 0.75) return Long.toString(r.nextBoolean() || cap < hi ? lo : hi);
		String[] out = { Long.toString(lo - 1), Long.toString((long) p.max() + 1), "2147483648", "-2147483649", "1.5", "abc",
			"", "NaN", "1e999" };
		String v = out[r.nextInt(out.length)];
		return p.max() == Double.POSITIVE_INFINITY && v.equals(Long.toString((long) p.max() + 1)) ? "abc" : v;
	}

	private static String realValue(Param p, Random r, double kind) {
		if (!p.words().isEmpty() && r.nextDouble() < 0.25) return p.words().get(r.nextInt(p.words().size()));
		double lo = p.min() == Double.NEGATIVE_INFINITY ? -10 : p.min();
		double hi = Math.min(p.max() == Double.POSITIVE_INFINITY ? lo + 20 : p.max(), lo + 100);
		if (kind < 0.55) return Double.toString(lo + r.nextDouble() * (hi - lo));
		if (kind < 0.75) return Double.toString(r.nextBoolean() ? lo : hi);
		List<String> out = new ArrayList<>(List.of("NaN", "Infinity", "-1e308", "abc", "1e400", "", "4.9e-324"));
		if (p.min() > Double.NEGATIVE_INFINITY) out.add(Double.toString(p.min() - 1));
		if (p.max() < Double.POSITIVE_INFINITY) out.add(Double.toString(p.max() * 10 + 1));
		return out.get(r.nextInt(out.size()));
	}

	/** What one run gave. */
	record Outcome(int code, String err) {}

	/** Runs the CLI in-process; a run past {@link #TIMEOUT_S} is an {@link AssertionError} naming the arguments. */
	Outcome run(List<String> args) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Future<Integer> f = pool.submit(() -> Main.run(args.toArray(String[]::new), new PrintStream(out, true,
			StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
		int code;
		try {
			code = f.get(TIMEOUT_S, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			f.cancel(true);
			throw new AssertionError("no answer within " + TIMEOUT_S + " s: " + String.join(" ", args));
		}
		finally {
			deleteOut(args);
		}
		return new Outcome(code, err.toString(StandardCharsets.UTF_8));
	}

	private static void deleteOut(List<String> args) throws IOException {
		Path out = Path.of(args.get(args.indexOf("--out") + 1));
		if (!Files.exists(out)) return;
		try (Stream<Path> s = Files.walk(out)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(p);
		}
	}

	void close() throws IOException {
		pool.shutdownNow();
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(p);
		}
	}

	Path dir() {
		return dir;
	}
}
