package org.stemdiscovery.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.SimulatedMicroscope;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.TimeModel;
import org.stemdiscovery.gp.CandidatePosterior;
import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Kernel;
import org.stemdiscovery.gp.Observations;
import org.stemdiscovery.gp.Refit;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/**
 * Issue 12: what a hyperparameter refit between two BO steps costs, from 100 to 3,000 points, with the refit
 * policy ({@link Refit#forGrid}), the policy before it ({@link Refit#everyStep}: all points, 30 iterations) and
 * scikit-learn's fit of the same points (the peer bo_sim.py's kernel and regressor, called through
 * /usr/bin/python3 in the same run); then a short BO experiment on the pillars target with both policies and
 * the same seeds, to show that discovery does not get worse.
 *
 * <p>A refit at n points starts from the policy's hyperparameters for the first n − 10 points (a running
 * experiment's state after a batch of 10). The posterior rebuild (needed only when the hyperparameters change)
 * is timed separately.
 *
 * <pre>scripts/bench GpFit [--threads 2] [--repeat 5] [--sizes 100,300,1000,2000,3000] [--old-max 1000]
 *     [--rebuild-max 1000] [--no-sklearn] [--steps 30] [--seeds 0,1] [--no-bo]</pre>
 */
public final class GpFitBench {

	private static final String TARGET = "../shared/reference/synthetic/pillars_256_target.tif";
	private static final String PEERS = "../shared/peers";

	public static void main(String[] argv) throws Exception {
		int threads = 2, repeat = 5, oldMax = 1000, rebuildMax = 1000, steps = 30;
		int[] sizes = { 100, 300, 1000, 2000, 3000 };
		long[] seeds = { 0, 1 };
		boolean sklearn = true, bo = true, curve = true, newOnly = false;
		for (int i = 0; i < argv.length; i++)
			switch (argv[i]) {
				case "--threads" -> threads = Integer.parseInt(argv[++i]);
				case "--repeat" -> repeat = Integer.parseInt(argv[++i]);
				case "--sizes" -> sizes = Arrays.stream(argv[++i].split(",")).mapToInt(Integer::parseInt).toArray();
				case "--old-max" -> oldMax = Integer.parseInt(argv[++i]);
				case "--rebuild-max" -> rebuildMax = Integer.parseInt(argv[++i]);
				case "--steps" -> steps = Integer.parseInt(argv[++i]);
				case "--seeds" -> seeds = Arrays.stream(argv[++i].split(",")).mapToLong(Long::parseLong).toArray();
				case "--no-sklearn" -> sklearn = false;
				case "--no-bo" -> bo = false;
				case "--no-curve" -> curve = false;
				case "--new-only" -> newOnly = true;
				default -> throw new IllegalArgumentException("unknown option " + argv[i]);
			}
		TiffImage img = Tiff.read(Path.of(TARGET));
		int w = img.width(), h = img.height();
		float[] t = img.pixels();
		if (curve) curve(t, w, h, sizes, threads, repeat, oldMax, rebuildMax, sklearn);
		if (bo && !newOnly) discovery(t, w, h, steps, seeds, threads);
		if (bo && newOnly) policyOnly(t, w, h, steps, seeds[0], threads);
	}

	private static void curve(float[] t, int w, int h, int[] sizes, int threads, int repeat, int oldMax,
		int rebuildMax, boolean sklearn) throws Exception {
		System.out.printf(Locale.ROOT, "Refit cost, Matern 5/2, pillars %d x %d, %d threads, medians of %d after a "
			+ "warm-up (ms)%n", w, h, threads, repeat);
		System.out.printf(Locale.ROOT, "%6s %12s %10s %6s %8s %12s %12s %12s %10s %10s%n", "points", "policy", "optimised",
			"evals", "changed", "rebuild", "old fit", "sklearn fit", "sk/policy", "sk/old");
		Refit policy = Refit.forGrid(w, h), old = Refit.everyStep(w, h);
		for (int n : sizes) {
			double[][] pts = points(t, w, h, n);
			Observations all = normalised(pts, n), prev = normalised(pts, n - 10);
			Hyperparameters start = new Hyperparameters(Kernel.of("matern52", 1, 10, 1), 1e-4);
			Hyperparameters current = policy.initial(prev, start, 1, threads);
			double[] tp = new double[repeat + 1];
			Refit.Outcome out = null;
			for (int r = 0; r <= repeat; r++) {
				long t0 = System.nanoTime();
				out = policy.run(all, current, 0, threads);
				tp[r] = (System.nanoTime() - t0) * 1e-6;
			}
			double rebuild = Double.NaN;
			if (n <= rebuildMax) {
				long t0 = System.nanoTime();
				try (CandidatePosterior p = CandidatePosterior.fit(out.hyperparameters(), raw(pts, n), Experiment.gridX(w, h),
					Experiment.gridY(w, h), true, threads)) {
					rebuild = (System.nanoTime() - t0) * 1e-6;
				}
			}
			double oldFit = Double.NaN;
			if (n <= oldMax) { // once: tens of seconds at 1000 points
				long t0 = System.nanoTime();
				old.run(all, current, 0, threads); // warm-started from the same state as the policy
				oldFit = (System.nanoTime() - t0) * 1e-6;
			}
			double sk = sklearn ? sklearnFit(pts, n, n >= 2000 ? 1 : repeat, threads) : Double.NaN;
			double med = median(tp, 1);
			System.out.printf(Locale.ROOT, "%6d %12.1f %10s %6d %8s %12.1f %12.1f %12.1f %10.1f %10.2f%n", n, med,
				out.optimised(), out.evaluations(), out.changed(), rebuild, oldFit, sk, sk / med, sk / oldFit);
		}
		System.out.println("policy = Refit.forGrid refit (subset of <= 300 points, skip test, <= 15 iterations, keep "
			+ "unless +2 nats); rebuild = CandidatePosterior.fit over 65,536 candidates, once, only needed when "
			+ "'changed'; old fit = all points, 30 iterations, once; sklearn fit = GaussianProcessRegressor.fit "
			+ "(bo_sim.py make_kernel('matern', 10, (1, 1000), 1e-4) + make_gp(seed 0, 0 restarts)), median, "
			+ "OPENBLAS_NUM_THREADS = threads");
	}

	/** n distinct seeded random pixels: x, y, value. */
	private static double[][] points(float[] t, int w, int h, int n) {
		Random rnd = new Random(n);
		boolean[] used = new boolean[w * h];
		double[][] p = new double[n][];
		for (int k = 0; k < n;) {
			int c = rnd.nextInt(w * h);
			if (used[c]) continue;
			used[c] = true;
			p[k++] = new double[] { c % w, c / w, t[c] };
		}
		return p;
	}

	private static Observations raw(double[][] p, int n) {
		double[] x = new double[n], y = new double[n], v = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = p[i][0];
			y[i] = p[i][1];
			v[i] = p[i][2];
		}
		return new Observations(x, y, v);
	}

	private static Observations normalised(double[][] p, int n) {
		Observations o = raw(p, n);
		double mu = Arrays.stream(o.value()).average().orElse(0);
		double sd = Math.sqrt(Arrays.stream(o.value()).map(v -> (v - mu) * (v - mu)).average().orElse(1));
		double[] v = Arrays.stream(o.value()).map(q -> (q - mu) / (sd > 0 ? sd : 1)).toArray();
		return new Observations(o.x(), o.y(), v);
	}

	/** scikit-learn's fit of the same points with the peer's kernel and regressor; median seconds → ms. */
	private static double sklearnFit(double[][] p, int n, int repeat, int threads) throws IOException,
		InterruptedException {
		Path csv = Files.createTempFile("gpfit", ".csv");
		try {
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < n; i++)
				sb.append((long) p[i][1]).append(',').append((long) p[i][0]).append(',').append(p[i][2]).append('\n');
			Files.writeString(csv, sb);
			String py = String.join("\n", "import sys, time, warnings, numpy as np", "sys.path.insert(0, sys.argv[1])",
				"import bo_sim", "d = np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)", "ts = []",
				"for r in range(int(sys.argv[3]) + 1):",
				"    gp = bo_sim.make_gp(bo_sim.make_kernel('matern', 10.0, (1.0, 1000.0), 1e-4), 0, 0)",
				"    with warnings.catch_warnings():", "        warnings.simplefilter('ignore')",
				"        t0 = time.perf_counter(); gp.fit(d[:, :2], d[:, 2]); ts.append(time.perf_counter() - t0)",
				"ts = ts[1:] if len(ts) > 1 else ts", "print(float(np.median(ts)) * 1000)");
			ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", py, PEERS, csv.toString(),
				Integer.toString(repeat)).redirectErrorStream(true);
			pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
			pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
			Process proc = pb.start();
			String out = new String(proc.getInputStream().readAllBytes()).trim();
			if (proc.waitFor() != 0) {
				System.err.println("scikit-learn fit failed: " + out);
				return Double.NaN;
			}
			String[] lines = out.split("\n");
			return Double.parseDouble(lines[lines.length - 1].trim());
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	/** The same short experiment with the policy before issue 12 and the refit policy: discovery per step. */
	private static void discovery(float[] t, int w, int h, int steps, long[] seeds, int threads) {
		System.out.printf(Locale.ROOT, "%nDiscovery, pillars %d x %d, Matern 5/2 fitted, EI, batch 10, 3 x 3 seed grid, "
			+ "%d steps, %d threads: old = Refit.everyStep, new = Refit.forGrid%n", w, h, steps, threads);
		for (long seed : seeds) {
			BoSettings s = BoSettings.defaults().withKernel("matern52", 10, true).withBatch(10, steps, 3).withSeed(seed)
				.withThreads(threads);
			List<Run> runs = new ArrayList<>();
			double[] wall = new double[2];
			for (int k = 0; k < 2; k++) {
				long t0 = System.nanoTime();
				Experiment e = new Experiment(s, k == 0 ? Refit.everyStep(w, h) : Refit.forGrid(w, h));
				runs.add(e.run(new SimulatedMicroscope(t, w, h, s.measurementNoise(), s.seed(), TimeModel.defaults()), t,
					false, Progress.NONE, null));
				wall[k] = (System.nanoTime() - t0) * 1e-9;
			}
			System.out.printf(Locale.ROOT, "seed %d: wall old %.1f s, new %.1f s%n", seed, wall[0], wall[1]);
			System.out.printf(Locale.ROOT, "%5s %6s %10s %10s %10s %10s %10s %10s %9s %9s%n", "step", "points",
				"share old", "share new", "SSIM old", "SSIM new", "comp old s", "comp new s", "len old", "len new");
			Run a = runs.get(0), b = runs.get(1);
			double[] comp = new double[2];
			for (int i = 0; i < a.steps().size(); i++) {
				StepRecord x = a.steps().get(i), y = b.steps().get(i);
				comp[0] += x.computeSeconds();
				comp[1] += y.computeSeconds();
				if (i % 5 == 0 || i == a.steps().size() - 1)
					System.out.printf(Locale.ROOT, "%5d %6d %10.4f %10.4f %10.4f %10.4f %10.3f %10.3f %9.1f %9.1f%n",
						x.step(), x.points(), x.discovered(), y.discovered(), x.ssim(), y.ssim(), x.computeSeconds(),
						y.computeSeconds(), x.hyperparameters().kernel().lengthScale(),
						y.hyperparameters().kernel().lengthScale());
			}
			System.out.printf(Locale.ROOT, "seed %d: total compute old %.1f s, new %.1f s; hyperparameters changed (posterior "
				+ "rebuilt) in %d of %d refits old, %d new%n", seed, comp[0], comp[1], changes(a), a.steps().size() - 2,
				changes(b));
		}
	}

	/** Refits after the first whose hyperparameters differ from the step before (each one a posterior rebuild). */
	private static int changes(Run r) {
		int c = 0;
		for (int i = 2; i < r.steps().size(); i++)
			if (!r.steps().get(i).hyperparameters().equals(r.steps().get(i - 1).hyperparameters())) c++;
		return c;
	}

	/** A long run with the refit policy only (the old one needs minutes per step past 1000 points). */
	private static void policyOnly(float[] t, int w, int h, int steps, long seed, int threads) {
		BoSettings s = BoSettings.defaults().withKernel("matern52", 10, true).withBatch(10, steps, 3).withSeed(seed)
			.withThreads(threads);
		System.out.printf(Locale.ROOT, "%nRefit policy only, pillars %d x %d, Matern 5/2 fitted, EI, batch 10, 3 x 3 seeds, "
			+ "seed %d, %d steps, %d threads; step compute = refit (+ rebuild when changed) + selection + mean/std%n", w, h,
			seed, steps, threads);
		System.out.printf(Locale.ROOT, "%6s %8s %10s %10s %12s %12s %8s%n", "points", "share", "SSIM", "length", "median s",
			"max s", "rebuilds");
		List<StepRecord> recs = new ArrayList<>();
		new Experiment(s, Refit.forGrid(w, h)).run(new SimulatedMicroscope(t, w, h, s.measurementNoise(), s.seed(),
			TimeModel.defaults()), t, false, Progress.NONE, recs::add);
		for (int from = 1; from < recs.size(); from += 10) { // windows of 10 steps
			int to = Math.min(recs.size(), from + 10);
			double[] c = new double[to - from];
			int rebuilds = 0;
			for (int i = from; i < to; i++) {
				c[i - from] = recs.get(i).computeSeconds();
				if (i >= 2 && !recs.get(i).hyperparameters().equals(recs.get(i - 1).hyperparameters())) rebuilds++;
			}
			StepRecord last = recs.get(to - 1);
			System.out.printf(Locale.ROOT, "%6d %8.4f %10.4f %10.1f %12.3f %12.3f %8d%n", last.points(), last.discovered(),
				last.ssim(), last.hyperparameters().kernel().lengthScale(), median(c, 0), Arrays.stream(c).max()
					.orElse(0), rebuilds);
		}
	}

	private static double median(double[] v, int first) {
		double[] s = Arrays.copyOfRange(v, Math.min(first, v.length - 1), v.length);
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}
}
