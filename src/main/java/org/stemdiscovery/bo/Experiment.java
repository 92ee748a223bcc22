package org.stemdiscovery.bo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.stemdiscovery.gp.CandidatePosterior;
import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Observations;
import org.stemdiscovery.gp.Refit;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * The automated experiment: measure the seed points, then for each step choose a batch from the GP posterior
 * over every pixel, order it for a short beam path, measure it and update the posterior.
 */
public final class Experiment {

	private final BoSettings settings;
	private final Refit refitPolicy; // null: the settings' own (BoSettings.refitPolicy)

	public Experiment(BoSettings settings) {
		this(settings, null);
	}

	/** With another refit policy (e.g. {@link Refit#everyStep} to compare with the behaviour before issue 12). */
	public Experiment(BoSettings settings, Refit refit) {
		this.settings = settings;
		this.refitPolicy = refit;
	}

	/** Checks a target map: finite everywhere and not constant. */
	public static void checkTarget(float[] target, int width, int height) {
		if (target.length != width * height) throw new InputException("target has " + target.length + " pixels, not " +
			width + " × " + height);
		// a simulated run is scored by the SSIM of its mean, whose window needs this much: refused before the work
		if (width < Ssim.MIN_SIDE || height < Ssim.MIN_SIDE) throw new InputException("the target map is " + width + " × " +
			height + "; a simulated run needs at least " + Ssim.MIN_SIDE + " × " + Ssim.MIN_SIDE + " to score it (SSIM); " +
			"give a larger target, or a smaller window step or cell where the map is made from an image");
		int nan = 0;
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : target) {
			if (!Float.isFinite(v)) nan++;
			else {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		if (nan == target.length) throw new InputException("the target has no finite pixel (all NaN or infinite); give a " +
			"target map with values");
		if (nan > 0) throw new InputException("the target has " + nan + " NaN or infinite pixels; replace them (e.g. " +
			"Process > Math > Remove NaNs) before simulating");
		if (!(hi > lo)) throw new InputException("the target is constant (every pixel is " + lo + "): there is nothing " +
			"to discover; give a map with contrast");
	}

	/**
	 * Seed pixels: one point (the centre for seed 0, a seeded random pixel otherwise, so that sweeps over seeds
	 * differ) or an n × n grid at ((i + ½)·W/n, (j + ½)·H/n).
	 */
	public static int[][] seedPoints(int n, int width, int height, long seed) {
		if (n == 1 && seed == 0) return new int[][] { { width / 2, height / 2 } };
		if (n == 1) {
			java.util.Random r = new java.util.Random(seed);
			return new int[][] { { r.nextInt(width), r.nextInt(height) } };
		}
		int[][] p = new int[n * n][];
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++)
				p[j * n + i] = new int[] { (int) ((i + 0.5) * width / n), (int) ((j + 0.5) * height / n) };
		return p;
	}

	/**
	 * Runs the experiment.
	 *
	 * @param truth    the target map for the metrics (SSIM, discovery); null for a real instrument
	 * @param keepMaps keep the mean and standard-deviation maps of every step
	 * @param onStep   called after each step (may be null)
	 */
	public Run run(Microscope scope, float[] truth, boolean keepMaps, Progress progress, Consumer<StepRecord> onStep) {
		int w = scope.width(), h = scope.height(), size = w * h;
		settings.checkGrid(w, h);
		double threshold = Double.NaN;
		Discovery discovery = null;
		if (truth != null) {
			checkTarget(truth, w, h);
			threshold = Double.isNaN(settings.threshold()) ? Otsu.threshold(truth) : settings.threshold();
			discovery = new Discovery(Discovery.feature(truth, threshold), w, h, settings.effectiveDiscoveryRadius());
			if (discovery.featurePixels() == 0) throw new InputException("no target pixel is above the threshold " +
				threshold + "; choose a lower threshold");
		}
		Acquisition acquisition = settings.acquisitionFunction();
		BatchSelector selector = new BatchSelector(acquisition, settings.batchMode(), settings.effectiveExclusionRadius(),
			settings.travelCost());
		Hyperparameters hyper = settings.hyperparameters();
		Refit refit = refitPolicy != null ? refitPolicy : settings.refitPolicy(w, h);
		boolean[] measured = new boolean[size];
		List<StepRecord> steps = new ArrayList<>();
		List<double[]> points = new ArrayList<>(); // x, y, value
		CandidatePosterior posterior = CandidatePosterior.onGrid(hyper, w, h, true, settings.threads());
		try {
			// Seeds
			int[][] seeds = seedPoints(settings.seedGrid(), w, h, settings.seed());
			double[] sx = new double[seeds.length], sy = new double[seeds.length];
			for (int i = 0; i < seeds.length; i++) {
				sx[i] = seeds[i][0];
				sy[i] = seeds[i][1];
			}
			long t0 = System.nanoTime();
			int first = posterior.addAll(sx, sy, null);
			int[] order = settings.pathPlanning() ? PathPlanner.order(scope.beamX(), scope.beamY(), sx, sy)
				: PathPlanner.identity(seeds.length);
			double path = PathPlanner.length(scope.beamX(), scope.beamY(), sx, sy, order);
			double compute = (System.nanoTime() - t0) * 1e-9;
			steps.add(measureStep(0, scope, posterior, first, sx, sy, order, measured, points, discovery, truth, keepMaps,
				path, compute, onStep));
			for (int s = 1; s <= settings.steps(); s++) {
				progress.checkCancelled();
				progress.report((double) s / (settings.steps() + 1), "step " + s + " of " + settings.steps());
				t0 = System.nanoTime();
				if (settings.fitLength()) {
					Observations obs = normalised(points);
					// One seed for every refit: the policy's subset then stays stable from step to step.
					Hyperparameters next = s == 1 ? refit.initial(obs, hyper, settings.seed() + s, settings.threads())
						: refit.refit(obs, hyper, settings.seed(), settings.threads());
					// Unchanged hyperparameters: the incremental posterior already is the refitted one.
					if (!next.equals(hyper)) {
						hyper = next;
						posterior.close();
						posterior = CandidatePosterior.fit(hyper, rawObservations(points), gridX(w, h), gridY(w, h), true,
							settings.threads());
					}
				}
				double best = Double.NEGATIVE_INFINITY;
				for (double[] p : points)
					best = Math.max(best, settings.goal().sign() * p[2]);
				best *= settings.goal().sign();
				int q = settings.batch();
				int[] picks = selector.select(posterior, measured, q, best, scope.beamX(), scope.beamY());
				first = posterior.size() - q;
				double[] px = new double[q], py = new double[q];
				for (int k = 0; k < q; k++) {
					px[k] = posterior.candidateX(picks[k]);
					py[k] = posterior.candidateY(picks[k]);
				}
				order = settings.pathPlanning() ? PathPlanner.order(scope.beamX(), scope.beamY(), px, py)
					: PathPlanner.identity(q);
				path = PathPlanner.length(scope.beamX(), scope.beamY(), px, py, order);
				compute = (System.nanoTime() - t0) * 1e-9;
				steps.add(measureStep(s, scope, posterior, first, px, py, order, measured, points, discovery, truth, keepMaps,
					path, compute, onStep));
			}
		}
		catch (org.stemdiscovery.image.CancelledException e) {
			if (steps.isEmpty()) throw e;
		}
		finally {
			posterior.close();
		}
		return new Run(settings, w, h, threshold, discovery == null ? 0 : discovery.featurePixels(), List.copyOf(steps));
	}

	private StepRecord measureStep(int step, Microscope scope, CandidatePosterior posterior, int first, double[] px,
		double[] py, int[] order, boolean[] measured, List<double[]> points, Discovery discovery, float[] truth,
		boolean keepMaps, double path, double compute, Consumer<StepRecord> onStep) {
		int q = px.length, w = scope.width(), h = scope.height();
		int[] xs = new int[q], ys = new int[q];
		double[] values = new double[q];
		for (int k = 0; k < q; k++) {
			int i = order[k];
			xs[k] = (int) px[i];
			ys[k] = (int) py[i];
			values[k] = scope.measure(xs[k], ys[k]);
			posterior.setValue(first + i, values[k]);
			measured[ys[k] * w + xs[k]] = true;
			points.add(new double[] { xs[k], ys[k], values[k] });
			if (discovery != null) discovery.add(xs[k], ys[k]);
		}
		long t = System.nanoTime();
		double[] mean = posterior.mean(), std = posterior.std();
		compute += (System.nanoTime() - t) * 1e-9;
		float[] fm = new float[mean.length], fs = new float[std.length];
		double sumStd = 0;
		for (int c = 0; c < mean.length; c++) {
			fm[c] = (float) mean[c];
			fs[c] = (float) std[c];
			sumStd += std[c];
		}
		double ssim = truth != null ? Ssim.of(truth, fm, w, h) : Double.NaN;
		StepRecord r = new StepRecord(step, points.size(), xs, ys, values, keepMaps ? fm : null, keepMaps ? fs : null,
			ssim, sumStd / mean.length, discovery != null ? discovery.share() : Double.NaN, path, compute,
			scope.elapsedSeconds(), posterior.hyperparameters());
		if (onStep != null) onStep.accept(r);
		return r;
	}

	private static Observations rawObservations(List<double[]> points) {
		int n = points.size();
		double[] x = new double[n], y = new double[n], v = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = points.get(i)[0];
			y[i] = points.get(i)[1];
			v[i] = points.get(i)[2];
		}
		return new Observations(x, y, v);
	}

	/** Values standardised as the posterior does, for the likelihood fit. */
	private static Observations normalised(List<double[]> points) {
		Observations o = rawObservations(points);
		int n = o.size();
		double mu = 0, s = 0;
		for (double v : o.value())
			mu += v / n;
		for (double v : o.value())
			s += (v - mu) * (v - mu) / n;
		double sd = n > 1 && s > 0 ? Math.sqrt(s) : 1;
		double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = (o.value()[i] - mu) / sd;
		return new Observations(o.x(), o.y(), v);
	}

	/** x of every pixel of a {@code w × h} grid, row-major: the candidates of a scan grid. */
	public static double[] gridX(int w, int h) {
		double[] x = new double[w * h];
		for (int i = 0; i < x.length; i++)
			x[i] = i % w;
		return x;
	}

	/** y of every pixel of a {@code w × h} grid, row-major. */
	public static double[] gridY(int w, int h) {
		double[] y = new double[w * h];
		for (int i = 0; i < y.length; i++)
			y[i] = i / w;
		return y;
	}
}
