package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * The work of Decompose (NMF/SVD/N-FINDR): the components stack, the abundances (maps on the window grid, or one
 * row of values per component without a grid), the Decomposition table, the metadata of decomposition.json and
 * the line that says how well it fitted.
 */
public final class DecomposeTask {

	/** Suffixes and files of the two stacks; title of the table. */
	public static final String COMPONENTS = "components", COMPONENTS_FILE = "components.tif",
		ABUNDANCES = "abundances", ABUNDANCES_FILE = "abundances.tif", TABLE = "Decomposition";
	/** Info keys the stacks carry (with the source's, and the grid's on the abundances). */
	public static final String METHOD_KEY = "stemdiscovery.decompose.method", K_KEY = "stemdiscovery.decompose.k",
		ERROR_KEY = "stemdiscovery.decompose.relativeError";

	/** The result and the decomposition behind it (for scripts and the Fiji overlay). */
	public record Output(Decomposition decomposition, Result result) {}

	private DecomposeTask() {}

	/** See {@link #compute}. */
	public static Result run(float[] frames, int n, int w, int h, Grid grid, String stack, String source,
		DecomposeParams params, Progress progress) {
		return compute(frames, n, w, h, grid, stack, source, params, progress).result();
	}

	/**
	 * @param frames n frames of w x h back to back (not changed)
	 * @param grid   the window grid the frames came from, or {@code null} for frames without geometry
	 * @param stack  the stack's title or file name, for messages
	 * @param source the image the stack was made from (its Info's {@link FftTask#SOURCE_KEY}), or {@code null}:
	 *               then the stack itself is recorded as the source
	 */
	public static Output compute(float[] frames, int n, int w, int h, Grid grid, String stack, String source,
		DecomposeParams params, Progress progress) {
		if (n < 2) throw new InputException("'" + stack + "' is a single 2-D image; decompose needs a stack of " +
			"descriptors: make one with Sliding FFT Stack (stem-discovery fft) first");
		Samples samples = new Samples(frames, n, w * h, grid);
		long t0 = System.nanoTime();
		Decomposition d = params.unmixer().unmix(samples, progress);
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, String> info = new LinkedHashMap<>();
		info.put(FftTask.SOURCE_KEY, source != null ? source : stack);
		info.put(METHOD_KEY, d.method());
		info.put(K_KEY, Integer.toString(d.k()));
		info.put(ERROR_KEY, Double.toString(d.relativeError()));
		FloatImage components = new FloatImage(COMPONENTS, COMPONENTS_FILE, d.componentsAsFloats(), w, h, d.k(), info);
		Map<String, String> mapInfo = new LinkedHashMap<>(info);
		if (grid != null) mapInfo.putAll(grid.toProperties());
		FloatImage abundances = new FloatImage(ABUNDANCES, ABUNDANCES_FILE, d.abundancesAsFloats(), grid != null ? grid
			.cols() : d.n(), grid != null ? grid.rows() : 1, d.k(), mapInfo);
		String summary = String.format("%s, k %d: relative error %.6f after %d iterations%s in %.2f s", d.method(), d.k(),
			d.relativeError(), d.iterations(), d.converged() ? "" : " (cap reached)", seconds);
		Result r = new Result(List.of(components, abundances), List.of(table(d, grid)), metadata(d, seconds), summary);
		return new Output(d, r);
	}

	/**
	 * One row per component with stable column names for macros and CSV: {@code Share} is the share of variance
	 * (SVD), of reconstructed intensity (NMF) or the mean abundance (N-FINDR), see {@link Decomposition#share()};
	 * SVD adds the singular value, N-FINDR the endmember frame (from 1) and, on a grid, its window centre.
	 */
	static Table table(Decomposition d, Grid grid) {
		Table.Builder t = Table.builder(TABLE, "Component", "Share", "Min", "Mean", "Max");
		if (d.singularValues() != null) t.column("Singular value");
		if (d.endmembers() != null) {
			t.column("Endmember frame");
			if (grid != null) t.column("X").column("Y");
		}
		for (int c = 0; c < d.k(); c++) {
			double[] st = d.abundanceStats(c);
			List<Object> row = new ArrayList<>(List.of(c + 1, d.share()[c], st[0], st[1], st[2]));
			if (d.singularValues() != null) row.add(d.singularValues()[c]);
			if (d.endmembers() != null) {
				int e = d.endmembers()[c];
				row.add(e + 1);
				if (grid != null) {
					row.add(grid.centreX(grid.col(e)));
					row.add(grid.centreY(grid.row(e)));
				}
			}
			t.row(row.toArray());
		}
		return t.build();
	}

	private static Map<String, Object> metadata(Decomposition d, double seconds) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("method", d.method());
		m.put("k", d.k());
		m.put("frames", d.n());
		m.put("features", d.d());
		m.put("relative_error", d.relativeError());
		m.put("share", d.shareName());
		m.put("iterations", d.iterations());
		m.put("converged", d.converged());
		m.put("seconds", seconds);
		m.put("grid", d.grid() != null);
		return m;
	}
}
