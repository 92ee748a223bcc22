package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.stemdiscovery.bo.Acquisition;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BatchSelector;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.gp.CandidatePosterior;
import org.stemdiscovery.gp.FitBounds;
import org.stemdiscovery.gp.HyperparameterFit;
import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Kernel;
import org.stemdiscovery.gp.Observations;
import org.stemdiscovery.gp.Refit;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/**
 * Step latency of the BO loop on a 256 × 256 candidate grid (65,536 candidates): fit or update, mean and standard
 * deviation over all candidates, and the selection of a batch of 10 (kriging believer and local penalisation),
 * with 100, 300 and 1000 observed points, fixed and fitted hyperparameters. A fitted step refits through
 * {@link Refit#forGrid} and rebuilds the posterior only when the hyperparameters changed (issue 12);
 * {@code --old-fit} measures the refit before it (all points, 30 iterations, rebuild every step).
 *
 * <pre>scripts/bench Bo [--target T.tif] [--threads 2] [--repeat 5] [--sizes 100,300,1000] [--kernel matern52]
 *     [--old-fit]</pre>
 */
public final class BoBench {

	public static void main(String[] argv) throws Exception {
		String target = "../shared/reference/synthetic/pillars_256_target.tif", kernel = "matern52";
		int threads = Runtime.getRuntime().availableProcessors(), repeat = 5;
		int[] sizes = { 100, 300, 1000 };
		boolean fitted = true, oldFit = false;
		for (int i = 0; i < argv.length; i++)
			switch (argv[i]) {
				case "--target" -> target = argv[++i];
				case "--threads" -> threads = Integer.parseInt(argv[++i]);
				case "--repeat" -> repeat = Integer.parseInt(argv[++i]);
				case "--kernel" -> kernel = argv[++i];
				case "--no-fit" -> fitted = false;
				case "--old-fit" -> oldFit = true;
				case "--sizes" -> sizes = Arrays.stream(argv[++i].split(",")).mapToInt(Integer::parseInt).toArray();
				default -> throw new IllegalArgumentException("unknown option " + argv[i]);
			}
		int w = 256, h = 256;
		float[] t;
		if (Files.isRegularFile(Path.of(target))) {
			TiffImage img = Tiff.read(Path.of(target));
			if (img.width() != w || img.height() != h) throw new IllegalArgumentException("bench target must be 256 × 256");
			t = img.pixels();
		}
		else {
			t = new float[w * h];
			for (int i = 0; i < t.length; i++)
				t[i] = (float) (Math.sin(i % w / 9.0) * Math.cos(i / w / 7.0));
		}
		System.out.printf("BO step latency, 256 x 256 = 65,536 candidates, batch 10, kernel %s, %d threads, %d repeats "
			+ "(median [min-max] ms)%n", kernel, threads, repeat);
		System.out.printf("%-6s %-7s %-5s %28s %28s %28s %28s %28s%n", "points", "hyper", "batch", "fit/update",
			"mean+std", "selection", "step total", "CPU (1 thread only)");
		for (int n : sizes) {
			for (BatchMode mode : BatchMode.values())
				run(t, w, h, n, kernel, false, false, mode, threads, repeat);
			// the old fitted step at 1000 points takes tens of seconds: measure it once, without a warm-up round
			if (fitted) run(t, w, h, n, kernel, true, oldFit, BatchMode.KRIGING_BELIEVER, threads, oldFit && n >= 1000 ? 0
				: repeat);
		}
	}

	private static void run(float[] t, int w, int h, int n, String kernel, boolean fit, boolean oldFit, BatchMode mode,
		int threads, int repeat) {
		Random rnd = new Random(n);
		boolean[] measured = new boolean[w * h];
		List<double[]> pts = new ArrayList<>();
		while (pts.size() < n) {
			int c = rnd.nextInt(w * h);
			if (measured[c]) continue;
			measured[c] = true;
			pts.add(new double[] { c % w, c / w, t[c] });
		}
		Hyperparameters hyper = new Hyperparameters(Kernel.of(kernel, 1, 10, 1), 1e-6);
		Acquisition acq = Acquisition.of("ei", Double.NaN, Goal.MAXIMISE);
		BatchSelector selector = new BatchSelector(acq, mode, 10, 0);
		HyperparameterFit fitter = new HyperparameterFit(FitBounds.defaults().withLength(1, 512), 0, 30);
		Refit policy = Refit.forGrid(w, h);
		int rebuilds = 0;
		CandidatePosterior p = CandidatePosterior.fit(hyper, obs(pts, false), Experiment.gridX(w, h), Experiment.gridY(w, h), true, threads);
		p.mean();
		int from = repeat == 0 ? 0 : 1; // round 0 warms up unless it is the only one
		double[] tf = new double[repeat + 1], tm = new double[repeat + 1], ts = new double[repeat + 1],
			cpu = new double[repeat + 1];
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int r = 0; r <= repeat; r++) { // r = 0 warms up
			long c0 = mx.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			if (fit) {
				Hyperparameters next = oldFit ? fitter.fit(obs(pts, true), hyper, r).hyperparameters()
					: policy.refit(obs(pts, true), hyper, 0, threads);
				if (oldFit || !next.equals(hyper)) {
					hyper = next;
					p.close();
					p = CandidatePosterior.fit(hyper, obs(pts, false), Experiment.gridX(w, h), Experiment.gridY(w, h), true, threads);
					if (r >= from) rebuilds++;
				}
			}
			long t1 = System.nanoTime();
			double best = pts.stream().mapToDouble(q -> q[2]).max().orElseThrow();
			int[] picks = selector.select(p, measured, 10, best, w / 2.0, h / 2.0);
			long t2 = System.nanoTime();
			int first = p.size() - picks.length;
			for (int k = 0; k < picks.length; k++) {
				p.setValue(first + k, t[picks[k]]);
				pts.add(new double[] { picks[k] % w, picks[k] / w, t[picks[k]] });
			}
			double[] mean = p.mean(), std = p.std();
			long t3 = System.nanoTime();
			cpu[r] = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
			if (mean.length != std.length) throw new AssertionError();
			tf[r] = (t1 - t0) * 1e-6;
			ts[r] = (t2 - t1) * 1e-6;
			tm[r] = (t3 - t2) * 1e-6;
		}
		double[] tot = new double[repeat + 1];
		for (int r = 0; r <= repeat; r++)
			tot[r] = tf[r] + ts[r] + tm[r];
		String hyperName = !fit ? "fixed" : oldFit ? "oldfit" : "fitted";
		System.out.printf("%-6d %-7s %-5s %28s %28s %28s %28s %28s%s%n", n, hyperName, mode.id(), stats(tf, from), stats(tm,
			from), stats(ts, from), stats(tot, from), threads == 1 ? stats(cpu, from) : "-", fit ? "  rebuilds " + rebuilds +
				" of " + (repeat + 1 - from) : "");
		p.close();
	}

	private static String stats(double[] v, int first) {
		double[] s = Arrays.copyOfRange(v, first, v.length);
		Arrays.sort(s);
		double med = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
		return String.format("%.1f [%.1f-%.1f]", med, s[0], s[s.length - 1]);
	}

	private static Observations obs(List<double[]> pts, boolean normalise) {
		int n = pts.size();
		double[] x = new double[n], y = new double[n], v = new double[n];
		double mu = 0, s = 0;
		for (int i = 0; i < n; i++) {
			x[i] = pts.get(i)[0];
			y[i] = pts.get(i)[1];
			v[i] = pts.get(i)[2];
			mu += v[i] / n;
		}
		if (normalise) {
			for (double d : v)
				s += (d - mu) * (d - mu) / n;
			double sd = s > 0 ? Math.sqrt(s) : 1;
			for (int i = 0; i < n; i++)
				v[i] = (v[i] - mu) / sd;
		}
		return new Observations(x, y, v);
	}
}
