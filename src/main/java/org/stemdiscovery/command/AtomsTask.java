package org.stemdiscovery.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.image.Progress;

/**
 * The work of Find Atoms (DCNN): the atoms as a table and the finder's probability map with the Info that
 * records how they were found. The finder (and the network it holds) is closed before the task returns, also
 * when the work is cancelled, which is checked between the network's tiles.
 */
public final class AtomsTask {

	/** Title of the atoms table (Extract Atom Patches reads it by this title); suffix and file of the map. */
	public static final String TABLE = "Atoms", PROBABILITY = "atom-probability", PROBABILITY_FILE = "probability.tif";
	/** Info keys: the image the atoms were found in; the prefix of how they were found. */
	public static final String SOURCE_KEY = FftTask.SOURCE_KEY, PREFIX = "stemdiscovery.atoms.";

	private AtomsTask() {}

	/**
	 * @param pixels row-major {@code width × height} grey levels
	 * @param source title or file name of the image, recorded in the map's Info
	 */
	public static Result run(float[] pixels, int width, int height, String source, AtomsParams params,
		Progress progress) {
		return run(pixels, width, height, source, params, params::openFinder, progress);
	}

	/** As above with the finder opened by {@code open}: a test's stand-in shows that it is closed. */
	static Result run(float[] pixels, int width, int height, String source, AtomsParams params,
		Supplier<AtomFinder> open, Progress progress) {
		AtomFinder.check(pixels, width, height);
		progress.checkCancelled();
		long t0 = System.nanoTime();
		Detection d;
		Map<String, Object> how;
		try (AtomFinder finder = open.get()) {
			d = finder.detect(pixels, width, height, progress);
			how = finder.description();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, String> info = new LinkedHashMap<>();
		info.put(SOURCE_KEY, source);
		info.put(PREFIX + "method", params.method());
		how.forEach((k, v) -> info.put(PREFIX + k, String.valueOf(v)));
		long bright = d.atoms().stream().filter(a -> a.cls() == FoundAtom.BRIGHT).count();
		Map<String, Object> meta = new LinkedHashMap<>(info);
		meta.put("atoms", d.atoms().size());
		meta.put("bright", bright);
		meta.put("seconds", seconds);
		String summary = String.format("%d atoms (%d bright) by %s in %.2f s", d.atoms().size(), bright, how.getOrDefault(
			"model", params.method()), seconds);
		return new Result(List.of(probability(d, info)), List.of(table(d.atoms())), meta, summary);
	}

	/** P(atom column), and P(bright column) as a second plane where the finder gives one. */
	static FloatImage probability(Detection d, Map<String, String> info) {
		int wh = d.width() * d.height(), planes = d.bright() == null ? 1 : 2;
		float[] maps = new float[planes * wh];
		System.arraycopy(d.probability(), 0, maps, 0, wh);
		if (planes == 2) System.arraycopy(d.bright(), 0, maps, wh, wh);
		return new FloatImage(PROBABILITY, PROBABILITY_FILE, maps, d.width(), d.height(), planes, info);
	}

	/** X, Y in pixels (origin at the centre of the top-left pixel), Class 0 atom or 1 bright, to 4 decimals. */
	public static Table table(List<FoundAtom> atoms) {
		Table.Builder t = Table.builder(TABLE, "X", "Y", "Class", "Probability");
		for (FoundAtom a : atoms)
			t.row(round(a.x()), round(a.y()), a.cls(), round(a.probability()));
		return t.build();
	}

	private static double round(double v) {
		return Math.round(v * 1e4) / 1e4;
	}
}
