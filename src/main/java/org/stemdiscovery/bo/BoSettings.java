package org.stemdiscovery.bo;

import java.io.IOException;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import org.stemdiscovery.gp.Hyperparameters;
import org.stemdiscovery.gp.Kernel;
import org.stemdiscovery.gp.Refit;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;

/**
 * Everything that decides a simulated BO run; with the target map it replays the run exactly.
 *
 * @param kernel          rbf, matern52 or rq
 * @param lengthScale     kernel length scale in px (the start value when {@code fitLength}: {@link #FIT_START_PX})
 * @param fitLength       refit variance, length scale (and α) by marginal likelihood before every step
 * @param rqAlpha         α of the rational-quadratic kernel
 * @param noise           observation-noise variance relative to the normalised values
 * @param acquisition     ei, ucb or pi
 * @param acquisitionParameter ξ (EI, PI) or β (UCB); NaN = default (0.01, 4)
 * @param batch           points per step
 * @param steps           steps after the seed points
 * @param seedGrid        1 = one seed at the centre; n = an n × n grid of seeds
 * @param seed            seed of everything random (fit restarts, measurement noise)
 * @param exclusionRadius local-penalisation radius in px; NaN = the length scale
 * @param pathPlanning    order each batch for a short beam path
 * @param travelCost      λ: acquisition minus λ·distance (px) from the previous point
 * @param threshold       feature = target above this; NaN = Otsu's threshold of the target
 * @param discoveryRadius feature pixels within this many px of a measured point are discovered; NaN = length scale
 * @param measurementNoise standard deviation of Gaussian noise added by the simulated microscope
 * @param threads         worker threads for the candidate passes
 * @param refit           how the hyperparameters are refitted between steps: {@value #REFIT_SUBSET} ({@link
 *                        Refit#forGrid}, since issue 12) or {@value #REFIT_EVERY_STEP} ({@link Refit#everyStep}: all
 *                        points, every step); a run record written before issue 12 has none and replays with the
 *                        latter, the refit it was made with
 */
public record BoSettings(String kernel, @SerializedName("length_scale") double lengthScale,
	@SerializedName("fit_length") boolean fitLength, @SerializedName("rq_alpha") double rqAlpha, double noise,
	String acquisition, @SerializedName("acquisition_parameter") @JsonAdapter(DefaultWord.class) double acquisitionParameter,
	Goal goal, int batch, int steps, @SerializedName("seed_grid") int seedGrid, long seed,
	@SerializedName("batch_mode") BatchMode batchMode,
	@SerializedName("exclusion_radius") @JsonAdapter(DefaultWord.class) double exclusionRadius,
	@SerializedName("path_planning") boolean pathPlanning, @SerializedName("travel_cost") double travelCost,
	@JsonAdapter(OtsuWord.class) double threshold,
	@SerializedName("discovery_radius") @JsonAdapter(DefaultWord.class) double discoveryRadius,
	@SerializedName("measurement_noise") double measurementNoise, int threads, String refit) {

	public static final String REFIT_SUBSET = "subset", REFIT_EVERY_STEP = "every-step";

	/** Settings that refit by {@link Refit#forGrid}. */
	public BoSettings(String kernel, double lengthScale, boolean fitLength, double rqAlpha, double noise,
		String acquisition, double acquisitionParameter, Goal goal, int batch, int steps, int seedGrid, long seed,
		BatchMode batchMode, double exclusionRadius, boolean pathPlanning, double travelCost, double threshold,
		double discoveryRadius, double measurementNoise, int threads) {
		this(kernel, lengthScale, fitLength, rqAlpha, noise, acquisition, acquisitionParameter, goal, batch, steps, seedGrid,
			seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius, measurementNoise, threads,
			REFIT_SUBSET);
	}

	/**
	 * Where the length-scale fit starts, in px: one value for every door and the sweep (the CLI's bo started
	 * at 10 px and its sweep at 5).
	 */
	public static final double FIT_START_PX = 10;

	public BoSettings {
		Kernel.of(kernel, 1, 1, 1); // name check
		if (refit != null && !refit.equals(REFIT_SUBSET) && !refit.equals(REFIT_EVERY_STEP)) throw new InputException(
			"refit '" + refit + "' is unknown; choose " + REFIT_SUBSET + " or " + REFIT_EVERY_STEP);
		if (!(lengthScale > 0) || Double.isInfinite(lengthScale)) throw new InputException("length scale " + lengthScale +
			" px must be positive; choose e.g. 5 (the correlation length d, typically 1-20 px) or fit");
		if (!(rqAlpha > 0)) throw new InputException("rq alpha " + rqAlpha + " must be positive; e.g. 1");
		if (!(noise > 0)) throw new InputException("noise " + noise + " must be positive; e.g. 1e-6");
		Acquisition.of(acquisition, acquisitionParameter, goal); // name and parameter check
		if (batch < 1) throw new InputException("batch " + batch + " must be at least 1 point per step");
		if (steps < 0) throw new InputException("steps " + steps + " must be ≥ 0");
		if (seedGrid < 1) throw new InputException("seed grid " + seedGrid + " must be ≥ 1 (1 = one centre point)");
		if (!(travelCost >= 0)) throw new InputException("travel cost " + travelCost + " must be ≥ 0");
		if (!(exclusionRadius >= 0) && !Double.isNaN(exclusionRadius))
			throw new InputException("exclusion radius " + exclusionRadius + " px must be ≥ 0");
		if (!(discoveryRadius >= 0) && !Double.isNaN(discoveryRadius))
			throw new InputException("discovery radius " + discoveryRadius + " px must be ≥ 0");
		if (!(measurementNoise >= 0)) throw new InputException("measurement noise " + measurementNoise + " must be ≥ 0");
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
	}

	/** Matérn 5/2, 5 px fixed, EI ξ 0.01, maximise, batches of 10 by kriging believer, 30 steps, path planning on. */
	public static BoSettings defaults() {
		return new BoSettings("matern52", 5, false, 1, 1e-6, "ei", Double.NaN, Goal.MAXIMISE, 10, 30, 1, 0,
			BatchMode.KRIGING_BELIEVER, Double.NaN, true, 0, Double.NaN, Double.NaN, 0,
			Runtime.getRuntime().availableProcessors());
	}

	public BoSettings withKernel(String k, double length, boolean fit) {
		return new BoSettings(k, length, fit, rqAlpha, noise, acquisition, acquisitionParameter, goal, batch, steps, seedGrid,
			seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius, measurementNoise, threads, refit);
	}

	public BoSettings withAcquisition(String a, double parameter) {
		return new BoSettings(kernel, lengthScale, fitLength, rqAlpha, noise, a, parameter, goal, batch, steps, seedGrid,
			seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius, measurementNoise, threads, refit);
	}

	public BoSettings withBatch(int b, int s, int seeds) {
		return new BoSettings(kernel, lengthScale, fitLength, rqAlpha, noise, acquisition, acquisitionParameter, goal, b, s,
			seeds, seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius, measurementNoise,
			threads, refit);
	}

	public BoSettings withSeed(long s) {
		return new BoSettings(kernel, lengthScale, fitLength, rqAlpha, noise, acquisition, acquisitionParameter, goal, batch,
			steps, seedGrid, s, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius,
			measurementNoise, threads, refit);
	}

	public BoSettings withThreads(int t) {
		return new BoSettings(kernel, lengthScale, fitLength, rqAlpha, noise, acquisition, acquisitionParameter, goal, batch,
			steps, seedGrid, seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius,
			measurementNoise, t, refit);
	}

	public BoSettings withMeasurementNoise(double sd) {
		return new BoSettings(kernel, lengthScale, fitLength, rqAlpha, noise, acquisition, acquisitionParameter, goal, batch,
			steps, seedGrid, seed, batchMode, exclusionRadius, pathPlanning, travelCost, threshold, discoveryRadius, sd,
			threads, refit);
	}

	/** Seed points plus all batches, in long arithmetic: steps × batch of two large ints must not wrap around. */
	public long totalPoints() {
		return (long) seedGrid * seedGrid + (long) steps * batch;
	}

	/** The refit policy these settings name, for a {@code width × height} grid. */
	public Refit refitPolicy(int width, int height) {
		return REFIT_SUBSET.equals(refit) ? Refit.forGrid(width, height) : Refit.everyStep(width, height);
	}

	/** Checks that the run fits in a {@code width × height} grid. */
	public void checkGrid(int width, int height) {
		long grid = (long) width * height;
		if (batch > grid) throw new InputException("batch " + batch + " is larger than the " + width + " × " + height +
			" = " + grid + "-pixel grid; choose a batch ≤ " + grid);
		if (seedGrid > Math.min(width, height)) throw new InputException("seed grid " + seedGrid + " × " + seedGrid +
			" does not fit in " + width + " × " + height + " px; choose ≤ " + Math.min(width, height));
		if (totalPoints() > grid) throw new InputException(steps + " steps × " + batch + " points + " + (long) seedGrid * seedGrid +
			" seed points = " + totalPoints() + " exceed the " + grid + " pixels of the " + width + " × " + height +
			" grid; choose at most " + Math.max(0, (grid - (long) seedGrid * seedGrid) / batch) + " steps");
	}

	public Hyperparameters hyperparameters() {
		return new Hyperparameters(Kernel.of(kernel, 1, lengthScale, rqAlpha), noise);
	}

	public Acquisition acquisitionFunction() {
		return Acquisition.of(acquisition, acquisitionParameter, goal);
	}

	public double effectiveExclusionRadius() {
		return Double.isNaN(exclusionRadius) ? lengthScale : exclusionRadius;
	}

	public double effectiveDiscoveryRadius() {
		return Double.isNaN(discoveryRadius) ? lengthScale : discoveryRadius;
	}

	/** Short label for tables: {@code matern52/ei/5px}. */
	public String label() {
		return kernel + "/" + acquisition + "/" + (fitLength ? "fit" : fmt(lengthScale) + "px") + "/seed" + seed;
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}

	/** Every setting by its run-record name (NaN written as the record's words "default" and "otsu"). */
	public Map<String, Object> toMap() {
		return Json.parseObject(GSON.toJson(this));
	}

	/**
	 * Reads {@link #toMap()} back (values parsed from JSON), also as written by earlier versions; the settings
	 * are checked as when they were made.
	 */
	public static BoSettings fromMap(Map<String, ?> m) {
		try {
			return GSON.fromJson(GSON.toJsonTree(m), BoSettings.class);
		}
		catch (JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new InputException("run record: the settings cannot be read (" + e.getMessage() + ")");
		}
		catch (RuntimeException e) {
			// Gson wraps what the canonical constructor throws
			if (e.getCause() instanceof InputException i) throw i;
			throw e;
		}
	}

	private static final Gson GSON = new GsonBuilder().create();

	/**
	 * A number whose NaN ("not given") is written as a word and read back from any word or null, as the run
	 * record has always written them.
	 */
	abstract static class NanAsWord extends TypeAdapter<Double> {
		private final String word;

		NanAsWord(String word) {
			this.word = word;
		}

		@Override
		public void write(JsonWriter out, Double v) throws IOException {
			if (v == null || Double.isNaN(v)) out.value(word);
			else out.value(v);
		}

		@Override
		public Double read(JsonReader in) throws IOException {
			JsonToken t = in.peek();
			if (t == JsonToken.NUMBER) return in.nextDouble();
			if (t == JsonToken.NULL) in.nextNull();
			else in.nextString();
			return Double.NaN;
		}
	}

	/** NaN = "default" (the acquisition's own parameter, the length scale as radius). */
	static final class DefaultWord extends NanAsWord {
		DefaultWord() {
			super("default");
		}
	}

	/** NaN = "otsu" (Otsu's threshold of the target). */
	static final class OtsuWord extends NanAsWord {
		OtsuWord() {
			super("otsu");
		}
	}
}
