package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.bo.BatchSelector;
import org.stemdiscovery.bo.PathPlanner;
import org.stemdiscovery.gp.CandidatePosterior;
import org.stemdiscovery.gp.Refit;
import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Observations;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.workflow.MapSelector;

/**
 * The measurement-driven experiment, one request at a time, so that a digital twin, a replayed frame or a
 * real instrument behind the microscope link can drive it alike: {@link #begin} with the survey, then
 * {@link #next} (the batch to measure, in beam order) and {@link #measure} (what came back) until the budget is
 * spent. The session sees only the survey and its own measurements.
 *
 * <p>Each patch becomes a value through the model fitted on the survey; the GP models what the measurements
 * add to the survey's map (its prior mean), or the values alone when the prior is off. Candidates are patch
 * centres on the survey's pixel grid at the candidate spacing; a candidate whose patch is more than three
 * quarters covered by issued patches is not offered again ({@link Coverage}), since a feature counts once it lies in a patch.
 */
public final class ExperimentSession implements AutoCloseable {

	/** A point handed out by {@link #next}. */
	private record Issued(int id, int candidate, int row, int step) {}

	private final ExperimentSettings settings;
	private final int width, height;
	private final double pixelSizeNm;
	private final Grid candidates;
	private final double[] cx, cy;
	private final Coverage coverage;
	private final DoseMap dose;
	private final List<Issued> pending = new ArrayList<>();
	private final Map<Integer, Issued> issued = new LinkedHashMap<>();
	private final Map<Integer, Double> values = new LinkedHashMap<>();
	private final Map<Integer, float[]> patches = new LinkedHashMap<>();
	private final List<ExperimentStep> steps = new ArrayList<>();
	private final List<Integer> batchIds = new ArrayList<>();
	private SurveyFit fit;
	private int target = -1;
	private double[] prior;
	private Frame survey;
	private CandidatePosterior posterior;
	private Hyperparameters hyper;
	private int nextId = 1, step;
	private double electrons, clock, beamX, beamY, decision, pathPx, encode;
	private boolean keepMaps = true;

	public ExperimentSession(ExperimentSettings settings, int width, int height, double pixelSizeNm) {
		settings.checkField(width, height);
		this.settings = settings;
		this.width = width;
		this.height = height;
		this.pixelSizeNm = pixelSizeNm;
		this.candidates = Grid.ofWindows(width, height, settings.patch(), settings.spacing());
		int n = candidates.size();
		this.cx = new double[n];
		this.cy = new double[n];
		for (int c = 0; c < n; c++) {
			cx[c] = candidates.centreX(candidates.col(c));
			cy[c] = candidates.centreY(candidates.row(c));
		}
		this.coverage = new Coverage(candidates);
		this.dose = new DoseMap(width, height);
		this.beamX = (width - 1) / 2.0;
		this.beamY = (height - 1) / 2.0;
		this.hyper = settings.bo().hyperparameters();
	}

	/** Keep the GP mean and standard deviation of every step (on by default; off keeps memory flat). */
	public ExperimentSession keepMaps(boolean keep) {
		this.keepMaps = keep;
		return this;
	}

	public ExperimentSettings settings() {
		return settings;
	}

	public Grid candidates() {
		return candidates;
	}

	/** Dwell of the survey to ask the microscope for. */
	public double surveyDwellUs() {
		return settings.surveyDwellUs();
	}

	/** Fits the model on the survey and chooses the value to steer by. */
	public void begin(Frame frame, ModelFitter fitter, Progress progress) {
		if (survey != null) throw new IllegalStateException("the session has its survey already");
		int b = frame.binning(), sw = Frame.scanSide(width, b), sh = Frame.scanSide(height, b);
		if (frame.width() != sw || frame.height() != sh) throw new InputException("the survey is " + frame.width() +
			" × " + frame.height() + " px; a survey of the " + width + " × " + height + " px field" + (b > 1 ? " at binning " +
				b : "") + " is " + sw + " × " + sh + " px");
		if (!(frame.dosePerPixel() > 0)) throw new InputException("the survey's dose per pixel " + frame.dosePerPixel() +
			" must be positive");
		float[] perElectron = perElectron(frame.onField(width, height), frame.dosePerPixel(), "the survey");
		SurveyFit f = fitter.fit(perElectron, width, height, candidates, progress);
		if (f.model().patch() != settings.patch()) throw new IllegalStateException("the model reads " + f.model().patch() +
			" px patches, the experiment measures " + settings.patch());
		this.fit = f;
		this.survey = frame;
		boolean finite = true;
		for (float v : f.maps())
			finite &= Float.isFinite(v);
		if (settings.map() > f.count()) throw new InputException("map " + settings.map() + " does not exist; the model " +
			"gives " + f.count() + " values (" + String.join(", ", f.model().names()) + "); choose 1 to " + f.count() +
			" or 0 for automatic");
		target = settings.map() > 0 ? settings.map() - 1 : finite ? new MapSelector(1).select(f.maps(), candidates.cols(),
			candidates.rows(), f.count()).index() : Math.max(0, Math.min(f.count() - 1, f.model().defaultTarget()));
		if (settings.prior() && finite) {
			float[] m = f.map(target);
			prior = new double[m.length];
			for (int i = 0; i < m.length; i++)
				prior[i] = m[i];
		}
		electrons += frame.electrons();
		for (int j = 0; j < sh; j++)
			for (int i = 0; i < sw; i++)
				dose.add(Frame.position(i, b, width), Frame.position(j, b, height), frame.dosePerPixel());
		clock = Math.max(clock, frame.seconds());
	}

	/**
	 * The next batch in beam order; the same batch again while some of it is unmeasured; empty when the
	 * budget is spent.
	 */
	public List<PatchRequest> next() {
		if (fit == null) throw new IllegalStateException("begin the session with a survey first");
		if (!pending.isEmpty()) return requests(pending);
		int left = settings.budget() - issued.size();
		if (left <= 0) return List.of();
		int q = Math.min(settings.bo().batch(), Math.min(left, free()));
		if (q == 0) return List.of();
		long t0 = System.nanoTime();
		int[] picks = values.isEmpty() ? firstBatch(q) : bayesianBatch(q);
		q = picks.length; // shorter when the picks covered every candidate left
		double[] px = new double[q], py = new double[q];
		for (int k = 0; k < q; k++) {
			px[k] = cx[picks[k]];
			py[k] = cy[picks[k]];
		}
		int[] order = settings.bo().pathPlanning() ? PathPlanner.order(beamX, beamY, px, py) : PathPlanner.identity(q);
		pathPx = PathPlanner.length(beamX, beamY, px, py, order);
		int firstRow = posterior == null ? -1 : posterior.size() - q;
		for (int k : order) {
			Issued p = new Issued(nextId++, picks[k], firstRow < 0 ? -1 : firstRow + k, step);
			pending.add(p);
			issued.put(p.id(), p);
		}
		decision = (System.nanoTime() - t0) * 1e-9;
		return requests(pending);
	}

	private List<PatchRequest> requests(List<Issued> batch) {
		List<PatchRequest> out = new ArrayList<>(batch.size());
		for (Issued p : batch)
			out.add(new PatchRequest(p.id(), cx[p.candidate()], cy[p.candidate()], settings.patch(), settings.dwellUs()));
		return out;
	}

	/**
	 * Takes measurements of issued points; a point measured before is ignored (a retried request is harmless).
	 *
	 * @return the finished step when this completed the pending batch, else null
	 */
	public ExperimentStep measure(List<Measurement> measurements, Progress progress) {
		long t0 = System.nanoTime();
		int taken = 0;
		for (Measurement m : measurements) {
			Issued p = issued.get(m.id());
			if (p == null) throw new InputException("point " + m.id() + " was never issued by this session; measure " +
				"only the points next() returned");
			if (values.containsKey(m.id())) continue;
			if (m.size() != settings.patch()) throw new InputException("point " + m.id() + " came back as a " + m.size() +
				" px patch; the session asked for " + settings.patch() + " px");
			if (!(m.dosePerPixel() > 0)) throw new InputException("point " + m.id() + " has dose " + m.dosePerPixel() +
				" per pixel; it must be positive");
			float[] patch = perElectron(m.pixels(), m.dosePerPixel(), "point " + m.id());
			double v = fit.model().encode(patch)[target];
			if (!Double.isFinite(v)) throw new InputException("point " + m.id() + " encodes to " + v +
				"; check the patch's values");
			values.put(m.id(), v);
			taken++;
			patches.put(m.id(), patch);
			batchIds.add(m.id());
			pending.remove(p);
			electrons += m.electrons();
			int l = Math.max(0, Math.min(width - m.size(), m.left())), t = Math.max(0, Math.min(height - m.size(), m
				.top()));
			dose.addSquare(l, t, m.size(), m.dosePerPixel());
			clock = Math.max(clock, m.seconds());
			beamX = cx[p.candidate()];
			beamY = cy[p.candidate()];
			if (posterior != null && p.row() >= 0) posterior.setValue(p.row(), residual(p.candidate(), v));
		}
		encode += (System.nanoTime() - t0) * 1e-9;
		if (taken == 0 || !pending.isEmpty()) return null; // a retry of a finished batch finishes nothing again
		return finishStep(progress);
	}

	private ExperimentStep finishStep(Progress progress) {
		long t0 = System.nanoTime();
		if (fit.model().learn(new ArrayList<>(patches.values()), progress)) {
			for (Map.Entry<Integer, float[]> e : patches.entrySet())
				values.put(e.getKey(), (double) fit.model().encode(e.getValue())[target]);
			rebuild(); // every value changed: the posterior starts again from them
		}
		else if (posterior == null) rebuild();
		encode += (System.nanoTime() - t0) * 1e-9;
		double[] mean = posterior.mean(), std = posterior.std();
		float[] fm = keepMaps ? new float[mean.length] : null, fs = keepMaps ? new float[std.length] : null;
		double sumStd = 0;
		for (int c = 0; c < mean.length; c++) {
			sumStd += std[c];
			if (keepMaps) {
				fm[c] = (float) (mean[c] + (prior == null ? 0 : prior[c]));
				fs[c] = (float) std[c];
			}
		}
		int n = batchIds.size();
		int[] ids = new int[n];
		double[] x = new double[n], y = new double[n], v = new double[n];
		for (int i = 0; i < n; i++) {
			Issued p = issued.get(batchIds.get(i));
			ids[i] = p.id();
			x[i] = cx[p.candidate()];
			y[i] = cy[p.candidate()];
			v[i] = values.get(p.id());
		}
		ExperimentStep s = new ExperimentStep(step, values.size(), ids, x, y, v, fm, fs, sumStd / mean.length, electrons,
			clock, decision, encode, pathPx, posterior.hyperparameters());
		steps.add(s);
		batchIds.clear();
		encode = 0;
		step++;
		return s;
	}

	/**
	 * The first batch: the survey's most promising candidates, or a spread over the field when there is no prior;
	 * each pick closes the candidates it covers too much.
	 */
	private int[] firstBatch(int q) {
		int n = candidates.size();
		int[] picks = new int[q];
		double sign = settings.bo().goal().sign();
		for (int k = 0; k < q; k++) {
			int best = -1;
			double bestScore = Double.NEGATIVE_INFINITY;
			for (int c = 0; c < n; c++) {
				if (coverage.isClosed(c)) continue;
				double s = prior != null ? sign * prior[c] : -spreadDistance(c, picks, k);
				if (best < 0 || s > bestScore) {
					best = c;
					bestScore = s;
				}
			}
			if (best < 0) return java.util.Arrays.copyOf(picks, k); // every candidate is covered
			picks[k] = best;
			coverage.add(best);
		}
		return picks;
	}

	/** Without a prior: farthest-point spreading from the field centre (negated: smaller is better). */
	private double spreadDistance(int c, int[] picks, int k) {
		double d = Math.hypot(cx[c] - (width - 1) / 2.0, cy[c] - (height - 1) / 2.0);
		if (k == 0) return d;
		double nearest = Double.POSITIVE_INFINITY;
		for (int j = 0; j < k; j++)
			nearest = Math.min(nearest, Math.hypot(cx[c] - cx[picks[j]], cy[c] - cy[picks[j]]));
		return -nearest;
	}

	private int[] bayesianBatch(int q) {
		if (settings.bo().fitLength()) {
			Observations obs = observations(true);
			// The settings' refit policy (gp.Refit): a full fit after the first batch, then a cheap refit that keeps
			// the hyperparameters, and with them the incremental posterior, unless the likelihood has moved. One seed
			// for every refit keeps the policy's subset stable from step to step.
			Refit refit = settings.bo().refitPolicy(width, height);
			Hyperparameters h = steps.size() <= 1 ? refit.initial(obs, hyper, settings.bo().seed() + step, settings.bo()
				.threads()) : refit.refit(obs, hyper, settings.bo().seed(), settings.bo().threads());
			if (!h.equals(hyper) || posterior == null) {
				hyper = h;
				rebuild();
			}
		}
		double sign = settings.bo().goal().sign(), best = Double.NEGATIVE_INFINITY;
		for (double v : values.values())
			best = Math.max(best, sign * v);
		best *= sign;
		BatchSelector selector = new BatchSelector(settings.bo().acquisitionFunction(), settings.bo().batchMode(),
			settings.bo().effectiveExclusionRadius(), settings.bo().travelCost());
		// Each pick closes the candidates its patch covers before the next is chosen.
		boolean[] closed = coverage.closed();
		int[] picks = selector.select(posterior, prior, closed, q, best, beamX, beamY, c -> {
			coverage.add(c);
			for (int d = 0; d < closed.length; d++)
				closed[d] |= coverage.isClosed(d);
		});
		return picks;
	}

	/** A new posterior from every measured value (hyperparameters changed, or the values did). */
	private void rebuild() {
		if (posterior != null) posterior.close();
		posterior = CandidatePosterior.fit(hyper, observations(false), cx, cy, true, settings.bo().threads());
	}

	/** Measured points and their residuals from the prior; standardised for the likelihood fit when asked. */
	private Observations observations(boolean standardised) {
		int n = values.size();
		double[] x = new double[n], y = new double[n], v = new double[n];
		int i = 0;
		for (Map.Entry<Integer, Double> e : values.entrySet()) {
			int c = issued.get(e.getKey()).candidate();
			x[i] = cx[c];
			y[i] = cy[c];
			v[i++] = residual(c, e.getValue());
		}
		if (standardised) {
			double mu = 0, s = 0;
			for (double a : v)
				mu += a / n;
			for (double a : v)
				s += (a - mu) * (a - mu) / n;
			double sd = n > 1 && s > 0 ? Math.sqrt(s) : 1;
			for (int j = 0; j < n; j++)
				v[j] = (v[j] - mu) / sd;
		}
		return new Observations(x, y, v);
	}

	private double residual(int candidate, double value) {
		return prior == null ? value : value - prior[candidate];
	}

	/** Candidates still offered. */
	private int free() {
		return coverage.open();
	}

	private static float[] perElectron(float[] pixels, double dosePerPixel, String what) {
		float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++) {
			if (!Float.isFinite(pixels[i])) throw new InputException(what + " has a non-finite value (" + pixels[i] +
				") at pixel " + i + "; the instrument must return finite counts");
			out[i] = (float) (pixels[i] / dosePerPixel);
		}
		return out;
	}

	// --- what the session knows, for reports ---

	public Frame survey() {
		return survey;
	}

	public SurveyFit surveyFit() {
		return fit;
	}

	/** The value steered by, 0-based among the model's names. */
	public int target() {
		return target;
	}

	/** The value of every measured point by id, as last encoded (a model that learnt has re-encoded them all). */
	public Map<Integer, Double> values() {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public List<ExperimentStep> steps() {
		return List.copyOf(steps);
	}

	public DoseMap dose() {
		return dose.copy();
	}

	public double electrons() {
		return electrons;
	}

	public double pixelSizeNm() {
		return pixelSizeNm;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Points measured so far (no patch for the issued but unmeasured). */
	public int measured() {
		return values.size();
	}

	/** Points issued and not yet measured. */
	public int pending() {
		return pending.size();
	}

	public boolean done() {
		return pending.isEmpty() && (issued.size() >= settings.budget() || free() == 0);
	}

	@Override
	public void close() {
		if (posterior != null) posterior.close();
		if (fit != null) fit.model().close();
	}
}
