package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.NFindr;
import org.stemdiscovery.decompose.NFindrSettings;
import org.stemdiscovery.decompose.Nmf;
import org.stemdiscovery.decompose.NmfSettings;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.decompose.Svd;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery decompose}: NMF, SVD or N-FINDR of a descriptor stack into components and abundance maps. */
final class DecomposeCommand implements Subcommand {

	static final String COMPONENTS = "components.tif", ABUNDANCES = "abundances.tif", TABLE = "decomposition.csv",
		SUMMARY = "decomposition.json";
	static final Set<String> FLAGS = Set.of("shift", "force");
	static final Set<String> VALUED = Set.of("stack", "method", "k", "seed", "max-iter", "tol", "start", "threads",
		"out");

	@Override
	public String name() {
		return "decompose";
	}

	@Override
	public String summary() {
		return "unmix a descriptor stack by NMF, SVD or N-FINDR (writes components.tif, abundances.tif, decomposition.csv)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery decompose --stack DIR/fft-stack.tif --method nmf|svd|nfindr|nmf-mu --k 4 --out DIR [options]

			Splits a stack of descriptors (frames of the same size, e.g. the sliding FFT stack) into k components
			and the abundance of each component in every frame. The window grid comes from the stack's Info or a
			grid.json beside it; without one the frames are treated as samples without geometry.

			  --stack PATH     multi-plane TIFF, one descriptor per plane
			  --method NAME    nmf (non-negative, coordinate descent, NNDSVDa start; default), svd (truncated
			                   singular value decomposition) or nfindr (purest frames as endmembers, abundances
			                   non-negative and summing to one); nmf-mu: NMF by multiplicative updates
			  --k K            number of components (default 3)
			  --out DIR        output folder: components.tif (k frames), abundances.tif (k maps on the window
			                   grid, or k rows of one value per frame without a grid), decomposition.csv (one row
			                   per component: share, min/mean/max abundance, singular value or endmember frame
			                   counted from 1), decomposition.json (method, error, iterations)
			  --seed S         random seed (default 0)
			  --max-iter N     NMF iterations / N-FINDR passes cap (default 500)
			  --tol T          NMF stopping tolerance (default 1e-4, as scikit-learn)
			  --start NAME     N-FINDR start: atgp (default) or random
			  --shift          NMF: subtract the minimum when the stack has negative values (else refused)
			  --threads N      worker threads (default: all cores)
			  --force          replace the outputs if DIR already has them
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path stackPath = args.path("stack");
		Path dir = args.path("out");
		Unmixer unmixer = unmixer(args);
		TiffImage stack = Tiff.read(stackPath);
		if (stack.planes() < 2) throw new InputException(stackPath.getFileName() + " is a single 2-D image; decompose " +
			"needs a stack of descriptors, e.g. the fft-stack.tif written by 'stem-discovery fft'");
		Grid grid = grid(stack, stackPath);
		OutputFolder.prepare(dir, args.flag("force"), COMPONENTS, ABUNDANCES, TABLE, SUMMARY);
		Samples samples = new Samples(stack.pixels(), stack.planes(), stack.width() * stack.height(), grid);
		long t0 = System.nanoTime();
		Decomposition d = unmixer.unmix(samples, Progress.NONE);
		double seconds = (System.nanoTime() - t0) / 1e9;
		write(d, stack, stackPath, dir, seconds);
		out.printf("%s, k %d: relative error %.6f after %d iterations%s in %.2f s -> %s%n", d.method(), d.k(),
			d.relativeError(), d.iterations(), d.converged() ? "" : " (cap reached)", seconds, dir);
		return 0;
	}

	static Unmixer unmixer(Args args) {
		String method = args.string("method", "nmf").trim().toLowerCase(java.util.Locale.ROOT);
		int k = args.integer("k", 3), maxIter = args.integer("max-iter", 500);
		long seed = args.integer("seed", 0);
		int threads = FftCommand.threads(args);
		return switch (method) {
			case "nmf" -> new Nmf(NmfSettings.of(k).withMaxIter(maxIter).withSeed(seed).withThreads(threads)
				.withTol(args.number("tol", 1e-4)).withShift(args.flag("shift")));
			case "nmf-mu" -> new Nmf(NmfSettings.of(k).withMaxIter(maxIter).withSeed(seed).withThreads(threads)
				.withTol(args.number("tol", 1e-4)).withShift(args.flag("shift")).withSolver(NmfSettings.Solver.MU));
			case "svd" -> new Svd(k, seed, threads);
			case "nfindr" -> {
				String start = args.string("start", "atgp").trim().toLowerCase(java.util.Locale.ROOT);
				if (!start.equals("atgp") && !start.equals("random"))
					throw new InputException("--start '" + start + "' is not atgp or random");
				yield new NFindr(NFindrSettings.of(k).withSeed(seed).withThreads(threads).withMaxPasses(maxIter)
					.withStart(start.equals("atgp") ? NFindrSettings.Start.ATGP : NFindrSettings.Start.RANDOM));
			}
			default -> throw new InputException("--method '" + method + "' is not one of nmf, svd, nfindr, nmf-mu");
		};
	}

	/** The grid from the stack's Info, else from a grid.json beside it, else none. */
	static Grid grid(TiffImage stack, Path stackPath) throws IOException {
		if (Grid.isIn(stack.info())) return Grid.fromProperties(stack.info());
		Path json = stackPath.toAbsolutePath().resolveSibling(FftCommand.GRID);
		if (!Files.isRegularFile(json)) return null;
		Map<String, String> props = new LinkedHashMap<>();
		Json.parseObject(Files.readString(json)).forEach((k, v) -> props.put(k, String.valueOf(v)));
		return Grid.isIn(props) ? Grid.fromProperties(props) : null;
	}

	static void write(Decomposition d, TiffImage stack, Path stackPath, Path dir, double seconds) throws IOException {
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.source", stack.info().getOrDefault("stemdiscovery.source",
			stackPath.getFileName().toString()));
		info.put("stemdiscovery.decompose.method", d.method());
		info.put("stemdiscovery.decompose.k", Integer.toString(d.k()));
		info.put("stemdiscovery.decompose.relativeError", Double.toString(d.relativeError()));
		Tiff.writeFloat(dir.resolve(COMPONENTS), d.componentsAsFloats(), stack.width(), stack.height(), d.k(), info);
		Map<String, String> mapInfo = new LinkedHashMap<>(info);
		if (d.grid() != null) {
			mapInfo.putAll(d.grid().toProperties());
			Tiff.writeFloat(dir.resolve(ABUNDANCES), d.abundancesAsFloats(), d.grid().cols(), d.grid().rows(), d.k(),
				mapInfo);
		}
		else {
			Tiff.writeFloat(dir.resolve(ABUNDANCES), d.abundancesAsFloats(), d.n(), 1, d.k(), mapInfo);
		}
		List<String> header = new ArrayList<>(List.of("component", "share", "min", "mean", "max"));
		if (d.singularValues() != null) header.add("singular_value");
		if (d.endmembers() != null) header.add("endmember_frame");
		List<double[]> rows = new ArrayList<>();
		for (int t = 0; t < d.k(); t++) {
			double[] st = d.abundanceStats(t);
			List<Double> r = new ArrayList<>(List.of((double) t + 1, d.share()[t], st[0], st[1], st[2]));
			if (d.singularValues() != null) r.add(d.singularValues()[t]);
			if (d.endmembers() != null) r.add((double) d.endmembers()[t] + 1);
			rows.add(r.stream().mapToDouble(Double::doubleValue).toArray());
		}
		Csv.write(dir.resolve(TABLE), header, rows);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("stack", stackPath.toString());
		summary.put("method", d.method());
		summary.put("k", d.k());
		summary.put("frames", d.n());
		summary.put("features", d.d());
		summary.put("relative_error", d.relativeError());
		summary.put("share", d.shareName());
		summary.put("iterations", d.iterations());
		summary.put("converged", d.converged());
		summary.put("seconds", seconds);
		summary.put("grid", d.grid() != null);
		Files.writeString(dir.resolve(SUMMARY), Json.write(summary));
	}
}
