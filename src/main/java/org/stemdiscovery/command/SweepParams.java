package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.stemdiscovery.bo.Acquisition;
import org.stemdiscovery.gp.Kernel;
import org.stemdiscovery.image.InputException;

/**
 * BO Sweep / {@code stem-discovery sweep}: the parameters, declared once in {@link #SPEC}. The lists are text
 * (comma-separated) checked here against the kernel and acquisition registries and by Simulate BO's own
 * length and seed rules; the settings shared with Simulate BO are {@link BoParams}' definitions.
 *
 * @param lengths  length scales in px; NaN = fit
 * @param base     the Simulate BO parameters every run shares (kernel, acquisition, length and seed replaced)
 * @param parallel runs at a time; 0 = every core (the same in every door)
 */
public record SweepParams(List<String> kernels, List<String> acquisitions, List<Double> lengths, List<Long> seeds,
	BoParams base, int parallel) {

	/** Parameters passed to every run, by their names here and in {@link BoParams#SPEC}. */
	private static final Map<String, String> SHARED = Map.of("batch", "batch", "steps", "steps", "grid", "seeds",
		"batching", "batching", "threshold", "threshold", "radius", "radius", "path", "path", "travel", "travel", "goal",
		"goal");

	/** At most this many runs (kernels × acquisitions × lengths × seeds) in one sweep. */
	public static final int MAX_RUNS = 100_000;

	public static final Spec SPEC = new Spec("sweep", "BO Sweep",
		"BO sweep over kernels x acquisitions x length scales x seeds (sweep.csv and two PNG plots)",
		"Runs one simulated BO experiment per combination and writes sweep.csv (one row per setting: points to reach " +
			"50/90/99 % discovery (-1 = not reached), SSIM and mean standard deviation at the plateau (the first step " +
			"from which no later step lowers the mean std by 1 % or more), path length), ssim-vs-uncertainty.png and " +
			"discovery-vs-points.png. " + BoParams.DISCOVERED + ".",
		List.of(Param.text("kernels", "rbf,matern52,rq").label("Kernels (comma-separated: rbf, matern52, rq)")
			.help("comma-separated kernels: " + String.join(", ", Kernel.REGISTRY.names())),
			Param.text("acquisitions", "ei,ucb,pi").alias("acqs").label("Acquisitions (comma-separated: ei, ucb, pi)")
				.help("comma-separated acquisition functions: " + String.join(", ", Acquisition.REGISTRY.names())),
			Param.text("lengths", "5,10").label("Lengths (px, comma-separated; 'fit' allowed)")
				.help("comma-separated length scales in px, or fit"),
			Param.text("seeds", "0").label("Seeds (comma-separated)").help("comma-separated random seeds"),
			BoParams.BATCH, BoParams.STEPS, BoParams.seedGrid("grid"), BoParams.BATCHING, BoParams.THRESHOLD,
			BoParams.RADIUS, BoParams.PATH, BoParams.TRAVEL, BoParams.GOAL,
			Param.integer("parallel", 0).range(0, 1024).label("Parallel runs (0 = all cores)")
				.help("runs at a time; 0 = all cores")));

	public static SweepParams from(Values v) {
		Map<String, Object> shared = new LinkedHashMap<>();
		SHARED.forEach((here, there) -> shared.put(there, v.map().get(here)));
		BoParams base = BoParams.from(BoParams.SPEC.parse(shared));
		Param length = BoParams.LENGTH, seed = BoParams.SPEC.param("seed");
		SweepParams p = new SweepParams(list(v, "kernels", Kernel.REGISTRY::canonical), list(v, "acquisitions",
			Acquisition.REGISTRY::canonical), list(v, "lengths", s -> length.value(s) instanceof Double d ? d : Double.NaN),
			list(v, "seeds", s -> ((Integer) seed.value(s)).longValue()), base, v.integer("parallel"));
		long runs = (long) p.kernels().size() * p.acquisitions().size() * p.lengths().size() * p.seeds().size();
		if (runs > MAX_RUNS) throw new InputException(p.kernels().size() + " kernels × " + p.acquisitions().size() +
			" acquisitions × " + p.lengths().size() + " lengths × " + p.seeds().size() + " seeds = " + runs +
			" runs; give at most " + MAX_RUNS + " in one sweep");
		return p;
	}

	/** The comma-separated items of a list parameter, each checked by {@code check}. */
	private static <T> List<T> list(Values v, String name, Function<String, T> check) {
		String text = v.text(name);
		List<String> items = Arrays.stream(text.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
		if (items.isEmpty()) throw new InputException(name + " '" + text + "' is empty; give comma-separated values");
		List<T> out = new ArrayList<>();
		for (String s : items)
			try {
				out.add(check.apply(s));
			}
			catch (InputException e) {
				throw new InputException(name + ": " + e.getMessage());
			}
		return out;
	}
}
