package org.stemdiscovery.atoms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Progress;

/**
 * The convolutional atom finder: the image is standardised, cut into overlapping tiles (mirrored at the
 * border) so any size fits in memory, each tile is segmented by the network into background / atom /
 * bright column, the tile centres are stitched, and {@link Centroids} turns the probabilities into atoms;
 * optionally {@link GaussianRefinement} moves them to sub-pixel Gaussian centres.
 *
 * <p>A finder made with the constructor borrows its model (close the model yourself); one made by
 * {@link #owning} closes the model when the finder is closed. Cancellation is checked between tiles.
 */
public final class DcnnAtomFinder implements AtomFinder {

	private final AtomModel model;
	private final FinderSettings settings;
	private final boolean owner;

	public DcnnAtomFinder(AtomModel model, FinderSettings settings) {
		this(model, settings, false);
	}

	private DcnnAtomFinder(AtomModel model, FinderSettings settings, boolean owner) {
		this.model = model;
		this.settings = settings;
		this.owner = owner;
	}

	/** A finder that closes {@code model} when it is closed. */
	public static DcnnAtomFinder owning(AtomModel model, FinderSettings settings) {
		return new DcnnAtomFinder(model, settings, true);
	}

	@Override
	public void close() {
		if (owner) model.close();
	}

	@Override
	public Map<String, Object> description() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("model", model.name());
		m.putAll(settings.toMap());
		return m;
	}

	@Override
	public Detection detect(float[] pixels, int w, int h, Progress progress) {
		AtomFinder.check(pixels, w, h);
		float[] norm = Normalise.standardise(pixels);
		float[] atom = new float[w * h], bright = model.classes() > 2 ? new float[w * h] : null;
		int m = FinderSettings.OVERLAP, core = settings.tile() - 2 * m, k = model.multiple();
		int tilesX = (w + core - 1) / core, tilesY = (h + core - 1) / core, done = 0;
		for (int ty = 0; ty < tilesY; ty++)
			for (int tx = 0; tx < tilesX; tx++) {
				progress.checkCancelled();
				int x0 = tx * core, y0 = ty * core;
				int cw = Math.min(core, w - x0), ch = Math.min(core, h - y0);
				// Input: the core plus a margin each side, rounded up to the network's multiple; mirrored outside.
				int iw = roundUp(cw + 2 * m, k), ih = roundUp(ch + 2 * m, k);
				float[] in = new float[iw * ih];
				for (int y = 0; y < ih; y++) {
					int sy = mirror(y0 - m + y, h);
					for (int x = 0; x < iw; x++)
						in[y * iw + x] = norm[sy * w + mirror(x0 - m + x, w)];
				}
				float[] p = settings.augment() ? mirrored(in, iw, ih) : model.probabilities(in, iw, ih);
				int plane = iw * ih;
				for (int y = 0; y < ch; y++)
					for (int x = 0; x < cw; x++) {
						int src = (y + m) * iw + x + m, dst = (y0 + y) * w + x0 + x;
						atom[dst] = 1 - p[src];
						if (bright != null) bright[dst] = p[2 * plane + src];
					}
				progress.report(++done / (double) (tilesX * tilesY), "atom finder: tile " + done + " of " + tilesX *
					tilesY);
			}
		List<FoundAtom> atoms = Centroids.extract(atom, bright, w, h, settings);
		if (settings.refine() && atoms.size() > 1) {
			double nn = NearestNeighbours.median(NearestNeighbours.distances(atoms));
			if (Double.isFinite(nn)) atoms = GaussianRefinement.refine(norm, w, h, atoms, Math.max(2, 0.4 * nn), settings
				.maxShift());
		}
		return new Detection(atoms, atom, bright, w, h);
	}

	/**
	 * Mean probabilities over the tile and its mirror images (x, y, both; on square tiles also the four
	 * transposed ones: the eight symmetries of the square), each mapped back.
	 */
	private float[] mirrored(float[] in, int w, int h) {
		float[] sum = null;
		int variants = w == h ? 8 : 4;
		for (int flip = 0; flip < variants; flip++) {
			float[] p = model.probabilities(flip(in, w, h, 1, flip), w, h);
			int planes = p.length / (w * h);
			float[] back = unflip(p, w, h, planes, flip);
			if (sum == null) sum = back;
			else for (int i = 0; i < sum.length; i++)
				sum[i] += back[i];
		}
		for (int i = 0; i < sum.length; i++)
			sum[i] /= variants;
		return sum;
	}

	/**
	 * Every plane mirrored: bit 0 of {@code flip} mirrors x, bit 1 mirrors y, bit 2 then transposes
	 * (square planes only). out(x, y) = a(source of x, y).
	 */
	static float[] flip(float[] a, int w, int h, int planes, int flip) {
		return remap(a, w, h, planes, flip, false);
	}

	/** The inverse of {@link #flip}: places every pixel back where {@code flip} took it from. */
	static float[] unflip(float[] a, int w, int h, int planes, int flip) {
		return remap(a, w, h, planes, flip, true);
	}

	/** One pixel mapping for both directions: {@code inverse} swaps which side is read and which written. */
	private static float[] remap(float[] a, int w, int h, int planes, int flip, boolean inverse) {
		if (flip == 0) return a;
		float[] out = new float[a.length];
		for (int c = 0; c < planes; c++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					int u = x, v = y;
					if ((flip & 4) != 0) {
						u = y;
						v = x;
					}
					if ((flip & 1) != 0) u = w - 1 - u;
					if ((flip & 2) != 0) v = h - 1 - v;
					int mapped = (c * h + v) * w + u, plain = (c * h + y) * w + x;
					if (inverse) out[mapped] = a[plain];
					else out[plain] = a[mapped];
				}
		return out;
	}

	static int roundUp(int v, int k) {
		return (v + k - 1) / k * k;
	}

	/** Reflects an index into [0, n) (…, 2, 1, 0, 1, 2, …, n−2, n−1, n−2, …). */
	static int mirror(int i, int n) {
		if (n == 1) return 0;
		int period = 2 * (n - 1);
		i = Math.floorMod(i, period);
		return i < n ? i : period - i;
	}
}
