package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * The classical baseline: Laplacian of Gaussian blob detection. The image is standardised and smoothed at
 * the blob scale σ, the negative Laplacian (times σ²) is taken, local maxima within a disc of radius
 * {@code 0.5·separation} that stand more than {@code snr} noise levels above zero are atoms, optionally
 * refined by a 2-D Gaussian fit. Unset σ and separation come from the FFT lattice spacing d:
 * σ = 0.15·d, separation = 0.55·d (safe for a honeycomb, whose bond is d/1.5). A column more than
 * {@value #BRIGHT_FACTOR} times as bright as the upper quartile of all columns is a bright column.
 */
public final class LogAtomFinder implements AtomFinder {

	static final double BRIGHT_FACTOR = 1.6;

	private final double sigma, separation, snr;
	private final FinderSettings settings;

	/**
	 * @param sigma      blob scale in px; 0 = from the lattice spacing
	 * @param separation smallest distance between atoms in px; 0 = from the lattice spacing
	 * @param snr        how many noise standard deviations (of the filtered image) a peak must reach
	 */
	public LogAtomFinder(double sigma, double separation, double snr, FinderSettings settings) {
		if (sigma < 0 || separation < 0 || !(snr > 0)) throw new InputException("LoG σ " + sigma + ", separation " +
			separation + " and snr " + snr + ": σ and separation must be ≥ 0 (0 = automatic), snr > 0");
		this.sigma = sigma;
		this.separation = separation;
		this.snr = snr;
		this.settings = settings;
	}

	/** Automatic scale, 3 noise levels, refinement on. */
	public static LogAtomFinder automatic() {
		return new LogAtomFinder(0, 0, 3, FinderSettings.defaults().withRefine(true));
	}

	@Override
	public Map<String, Object> description() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("model", "LoG");
		m.putAll(settings.toMap());
		return m;
	}

	@Override
	public Detection detect(float[] pixels, int w, int h, Progress progress) {
		AtomFinder.check(pixels, w, h);
		float[] norm = Normalise.standardise(pixels);
		double d = LatticeSpacing.estimate(norm, w, h);
		double s = sigma > 0 ? sigma : Double.isFinite(d) ? Math.max(1, 0.15 * d) : 2;
		double sep = separation > 0 ? separation : Double.isFinite(d) ? 0.55 * d : 4 * s;
		float[] smooth = GaussianBlur.blur(norm, w, h, s);
		float[] log = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int xm = Math.max(0, x - 1), xp = Math.min(w - 1, x + 1), ym = Math.max(0, y - 1), yp = Math.min(h - 1, y + 1);
				double lap = smooth[y * w + xm] + smooth[y * w + xp] + smooth[ym * w + x] + smooth[yp * w + x] - 4 * smooth[y *
					w + x];
				log[y * w + x] = (float) (-lap * s * s);
			}
		progress.checkCancelled();
		double noise = noiseLevel(norm, w, h) * kernelNorm(s);
		double min = snr * noise;
		int r = Math.max(1, (int) Math.floor(sep / 2));
		List<FoundAtom> atoms = new ArrayList<>();
		List<Double> level = new ArrayList<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				float v = log[y * w + x];
				if (v <= min || !isMaximum(log, w, h, x, y, r)) continue;
				if (x < settings.edge() || y < settings.edge() || x > w - 1 - settings.edge() || y > h - 1 - settings.edge())
					continue;
				atoms.add(new FoundAtom(x, y, FoundAtom.ATOM, Math.min(1, v / (min + v))));
				level.add((double) smooth[y * w + x]);
			}
		if (settings.refine() && !atoms.isEmpty()) atoms = GaussianRefinement.refine(norm, w, h, atoms, Math.max(2, 0.4 *
			sep / 0.55 * 0.67), settings.maxShift());
		atoms = markBright(atoms, level);
		float[] map = new float[w * h];
		double top = Math.max(min, 1e-9) * 3;
		for (int i = 0; i < map.length; i++)
			map[i] = (float) Math.max(0, Math.min(1, log[i] / top));
		return new Detection(atoms, map, null, w, h);
	}

	/** Noise standard deviation from neighbouring-pixel differences (robust: median absolute value). */
	static double noiseLevel(float[] img, int w, int h) {
		double[] diff = new double[(w - 1) * h];
		int k = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x + 1 < w; x++)
				diff[k++] = Math.abs(img[y * w + x + 1] - img[y * w + x]);
		Arrays.sort(diff);
		return diff[diff.length / 2] / 0.6745 / Math.sqrt(2);
	}

	/** L2 norm of the scale-normalised LoG filter applied to white noise of unit variance. */
	static double kernelNorm(double s) {
		int n = (int) Math.ceil(6 * s) * 2 + 9;
		float[] delta = new float[n * n];
		delta[(n / 2) * n + n / 2] = 1;
		float[] g = GaussianBlur.blur(delta, n, n, s);
		double sum = 0;
		for (int y = 1; y < n - 1; y++)
			for (int x = 1; x < n - 1; x++) {
				double lap = g[y * n + x - 1] + g[y * n + x + 1] + g[(y - 1) * n + x] + g[(y + 1) * n + x] - 4 * g[y * n + x];
				sum += lap * lap * s * s * s * s;
			}
		return Math.sqrt(sum);
	}

	private static boolean isMaximum(float[] a, int w, int h, int x, int y, int r) {
		float v = a[y * w + x];
		for (int dy = -r; dy <= r; dy++)
			for (int dx = -r; dx <= r; dx++) {
				if (dx * dx + dy * dy > r * r || (dx == 0 && dy == 0)) continue;
				int nx = x + dx, ny = y + dy;
				if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
				float u = a[ny * w + nx];
				// Ties go to the first pixel in raster order, so a flat top gives one atom.
				if (u > v || (u == v && (dy < 0 || (dy == 0 && dx < 0)))) return false;
			}
		return true;
	}

	private static List<FoundAtom> markBright(List<FoundAtom> atoms, List<Double> level) {
		if (atoms.size() < 4) return atoms;
		double[] sorted = level.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double q1 = sorted[sorted.length / 4], q3 = sorted[3 * sorted.length / 4];
		// Levels are of the standardised image (mean 0): measure brightness above the lowest quartile.
		List<FoundAtom> out = new ArrayList<>(atoms.size());
		for (int i = 0; i < atoms.size(); i++) {
			FoundAtom a = atoms.get(i);
			boolean bright = level.get(i) - q1 > BRIGHT_FACTOR * Math.max(1e-9, q3 - q1) + (q3 - q1);
			out.add(bright ? new FoundAtom(a.x(), a.y(), FoundAtom.BRIGHT, a.probability()) : a);
		}
		return out;
	}
}
