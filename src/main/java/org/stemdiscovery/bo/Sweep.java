package org.stemdiscovery.bo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/** Many simulated runs on one target (kernels × acquisitions × length scales × seeds), several at a time. */
public final class Sweep {

	/** One row of the sweep table. */
	public record Row(BoSettings settings, Run run, int pointsTo50, int pointsTo90, int pointsTo99, StepRecord plateau,
		double pathLength, double seconds) {}

	private Sweep() {}

	/** Every combination, in kernel, acquisition, length, seed order; length NaN means "fit". */
	public static List<BoSettings> grid(BoSettings base, List<String> kernels, List<String> acquisitions,
		List<Double> lengths, List<Long> seeds) {
		List<BoSettings> out = new ArrayList<>();
		for (String k : kernels)
			for (String a : acquisitions)
				for (double l : lengths)
					for (long s : seeds)
						out.add(base.withKernel(k, Double.isNaN(l) ? BoSettings.FIT_START_PX : l, Double.isNaN(l))
							.withAcquisition(a, Double.NaN).withSeed(s).withThreads(1));
		if (out.isEmpty()) throw new InputException("the sweep is empty; give at least one kernel, acquisition, length and seed");
		return out;
	}

	/** Runs every setting, {@code parallel} at a time; results in the order of {@code settings}. */
	public static List<Row> run(float[] target, int width, int height, List<BoSettings> settings, int parallel,
		Progress progress) {
		if (parallel < 1) throw new InputException("parallel runs " + parallel + " must be at least 1");
		Experiment.checkTarget(target, width, height);
		for (BoSettings s : settings)
			s.checkGrid(width, height);
		ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
			Thread t = new Thread(r, "bo-sweep");
			t.setDaemon(true);
			return t;
		});
		AtomicInteger done = new AtomicInteger();
		Progress inner = new Progress() {
			@Override
			public void report(double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return progress.isCancelled();
			}
		};
		try {
			List<Future<Row>> futures = new ArrayList<>();
			for (BoSettings s : settings)
				futures.add(pool.submit(() -> {
					long t0 = System.nanoTime();
					Run run = new Experiment(s).run(new SimulatedMicroscope(target, width, height, s.measurementNoise(),
						s.seed(), TimeModel.defaults()), target, false, inner, null);
					progress.report((double) done.incrementAndGet() / settings.size(), s.label());
					return new Row(s, run, run.pointsToDiscover(0.5), run.pointsToDiscover(0.9), run.pointsToDiscover(0.99),
						run.diminishingReturns(), run.pathLength(), (System.nanoTime() - t0) * 1e-9);
				}));
			List<Row> rows = new ArrayList<>();
			for (Future<Row> f : futures)
				rows.add(f.get());
			progress.checkCancelled();
			return rows;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Column names of the sweep table, the discovery definition in the header text of callers. */
	public static final List<String> COLUMNS = List.of("kernel", "acquisition", "length_px", "seed", "points_to_50pct",
		"points_to_90pct", "points_to_99pct", "plateau_points", "plateau_ssim", "plateau_mean_std", "final_points",
		"final_ssim", "final_discovered", "path_length_px", "seconds");

	/** The row's values in {@link #COLUMNS} order (length "fit" shows the start length; -1 = never reached). */
	public static Object[] values(Row r) {
		BoSettings s = r.settings();
		return new Object[] { s.kernel(), s.acquisition(), s.fitLength() ? "fit" : s.lengthScale(), s.seed(), r.pointsTo50(),
			r.pointsTo90(), r.pointsTo99(), r.plateau().points(), r.plateau().ssim(), r.plateau().meanStd(),
			r.run().last().points(), r.run().last().ssim(), r.run().last().discovered(), r.pathLength(), r.seconds() };
	}
}
