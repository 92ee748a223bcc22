package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/**
 * Sliding FFT throughput on a 512×512 image (window 64, step 8: 3249 windows) for 1 and 2 threads, next to
 * the NumPy peer ({@code ../shared/peers/sliding_fft.py}) run by this same process, so both share the
 * machine's load. Usage: {@code scripts/bench Fft [IMAGE] [REPEATS]}.
 */
public final class FftBench {

	private FftBench() {}

	public static void main(String[] args) throws Exception {
		Path image = Path.of(args.length > 0 ? args[0] : "test-images/pillars_512.tif");
		int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 9;
		TiffImage img = Tiff.read(image);
		SlidingFftSettings s = SlidingFftSettings.of(64, 8);
		System.out.printf("image %s (%d x %d), window %d, step %d, %d repeats, load average %.2f%n", image, img.width(),
			img.height(), s.window(), s.step(), repeats, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
				.getSystemLoadAverage());

		List<String[]> rows = new ArrayList<>();
		int n = 0;
		double javaSum = 0;
		double[] ours2 = null;
		for (int threads : new int[] { 1, 2 }) {
			SlidingFft fft = new SlidingFft(s, threads);
			for (int w = 0; w < 3; w++)
				fft.compute(img.img(), Progress.NONE); // JIT warm-up
			double[] t = new double[repeats];
			FftStack last = null;
			for (int r = 0; r < repeats; r++) {
				long t0 = System.nanoTime();
				last = fft.compute(img.img(), Progress.NONE);
				t[r] = (System.nanoTime() - t0) / 1e9;
			}
			n = last.size();
			javaSum = 0;
			for (float v : last.data())
				javaSum += v;
			if (threads == 2) ours2 = t;
			rows.add(row("Java (JTransforms, double)", threads, t, n));
		}

		Map<String, Object> peer = runPeer(image, s, repeats);
		double ratio = Double.NaN;
		if (peer != null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> tm = (Map<String, Object>) peer.get("timings_s");
			double fftMedian = ((Number) tm.get("fft_median")).doubleValue();
			double fftMin = ((Number) tm.get("fft_min")).doubleValue();
			double windows = ((Number) tm.get("windows")).doubleValue();
			rows.add(new String[] { "NumPy peer, FFT stage only", "1 (numpy)", fmt(fftMedian), fmt(fftMin), String.format(
				"%.0f", n / fftMedian) });
			rows.add(new String[] { "NumPy peer, scaling + windows + FFT", "1 (numpy)", fmt(fftMedian + windows), fmt(
				fftMin + windows), String.format("%.0f", n / (fftMedian + windows)) });
			ratio = fftMedian / median(ours2);
			@SuppressWarnings("unchecked")
			double peerSum = ((Number) ((Map<String, Object>) peer.get("fingerprint")).get("sum")).doubleValue();
			System.out.printf("stack sum: Java %.6g, NumPy %.6g (relative difference %.1e)%n", javaSum, peerSum, Math.abs(
				javaSum - peerSum) / peerSum);
		}
		System.out.println();
		System.out.println("| implementation | threads | median s | min s | windows/s (median) |");
		System.out.println("|---|---|---|---|---|");
		for (String[] r : rows)
			System.out.println("| " + String.join(" | ", r) + " |");
		if (!Double.isNaN(ratio)) System.out.printf("%nJava (2 threads, whole pipeline) vs NumPy FFT stage: %.1fx faster" +
			" (medians)%n", ratio);
	}

	private static String[] row(String name, int threads, double[] t, int n) {
		return new String[] { name, Integer.toString(threads), fmt(median(t)), fmt(Arrays.stream(t).min().orElseThrow()),
			String.format("%.0f", n / median(t)) };
	}

	private static Map<String, Object> runPeer(Path image, SlidingFftSettings s, int repeats) throws Exception {
		Path peer = Path.of("..", "shared", "peers", "sliding_fft.py");
		if (!Files.exists(peer) || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
			System.out.println("(NumPy peer not available: " + peer + ")");
			return null;
		}
		Process p = new ProcessBuilder("/usr/bin/python3", peer.toString(), image.toString(), "--window", Integer.toString(s
			.window()), "--step", Integer.toString(s.step()), "--taper", "hann", "--repeat", Integer.toString(repeats))
			.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			System.out.println("(NumPy peer failed: is python3-numpy installed?)");
			return null;
		}
		return Json.parseObject(out.lines().reduce((a, b) -> b).orElse("{}"));
	}

	private static double median(double[] t) {
		double[] c = t.clone();
		Arrays.sort(c);
		return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
	}

	private static String fmt(double d) {
		return String.format("%.3f", d);
	}
}
