package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.stemdiscovery.link.LinkBenchRig;

/**
 * The microscope link over HTTP on localhost (issue 13's figures): the round trip of {@code next} at 300 measured
 * points on a 256 × 256 candidate grid (a 271² frame, patch 16, spacing 1: 32 px patches cannot reach 300 on a 256²
 * frame, since a candidate closes once its patch is mostly covered), p50/p95 over repeats; {@code measurements} of
 * ten 32 × 32 patches on a 256² frame at spacing 1 (225² candidates), p95; 20 concurrent sessions of 300 points
 * (patch 16, spacing 4) to the end, and the heap each open session holds.
 *
 * <pre>scripts/bench Link [--repeats 20] [--threads 2] [--sessions 20] [--spacing 1] [--length fit|PX]</pre>
 */
public final class LinkBench {

	public static void main(String[] args) throws Exception {
		int repeats = 20, threads = 2, sessions = 20, spacing = 1;
		String length = "fit";
		for (int i = 0; i < args.length; i++)
			switch (args[i]) {
				case "--repeats" -> repeats = Integer.parseInt(args[++i]);
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				case "--sessions" -> sessions = Integer.parseInt(args[++i]);
				case "--spacing" -> spacing = Integer.parseInt(args[++i]);
				case "--length" -> length = args[++i];
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		Path dir = Files.createTempDirectory("link-bench");
		System.out.printf(Locale.ROOT, "LinkBench: %d cores, %d server threads, journals in %s%n", Runtime.getRuntime()
			.availableProcessors(), threads, dir);
		LinkBenchRig.Timings t = LinkBenchRig.roundTrips(dir.resolve("latency"), threads, spacing, length, repeats);
		System.out.printf(Locale.ROOT, "next at %d+ measured points, 271² frame, patch 16, spacing %d (%d candidates), " +
			"length %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d repeats)%n", t.measuredBefore(), spacing, t.candidates(),
			length, pct(t.next(), 50), pct(t.next(), 95), pct(t.next(), 100), t.next().size());
		System.out.printf(Locale.ROOT, "measurements of ten 32 × 32 patches (base64, 256² frame, spacing %d, %d " +
			"candidates): p50 %.1f ms, p95 %.1f ms (%d batches, journal forced each)%n", spacing, t.measureCandidates(), pct(
				t.measure(), 50), pct(t.measure(), 95), t.measure().size());
		System.out.printf(Locale.ROOT, "the same with a repeated next (the batch again): p50 %.2f ms%n", pct(t.repeat(),
			50));
		LinkBenchRig.Crowd c = LinkBenchRig.crowd(dir.resolve("crowd"), threads, sessions, 300);
		System.out.printf(Locale.ROOT, "%d concurrent sessions of %d points (256² frame, patch 16, spacing 4, workflow " +
			"1): %d finished, %d errors, %.1f s; heap %.1f MiB more with all open (%.2f MiB per session)%n", sessions, 300, c
				.finished(), c.errors(), c.seconds(), c.heapMiB(), c.heapMiB() / sessions);
	}

	static double pct(List<Double> ms, double p) {
		List<Double> s = new ArrayList<>(ms);
		Collections.sort(s);
		int k = (int) Math.ceil(p / 100 * s.size()) - 1;
		return s.get(Math.max(0, Math.min(s.size() - 1, k)));
	}
}
