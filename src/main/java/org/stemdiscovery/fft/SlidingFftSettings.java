package org.stemdiscovery.fft;

import org.stemdiscovery.image.InputException;

/**
 * What {@link SlidingFft} computes. The defaults follow AtomAI's sliding-FFT descriptors: the image
 * rescaled to [0, 1], a Hann taper, {@code log(1 + |F|)}, the zero frequency shifted to the frame centre.
 *
 * @param window     side of the square window in pixels
 * @param step       distance between neighbouring windows in pixels
 * @param taper      real-space taper applied before the FFT
 * @param removeMean subtract each window's mean before the taper (suppresses the DC peak)
 * @param log        store {@code log(1 + |F|)} instead of {@code |F|}
 * @param shift      move the zero frequency to the frame centre (fftshift)
 * @param zoom       keep only the central {@code window / zoom} frequencies (1 keeps all)
 * @param normalise  rescale the image to [0, 1] by its minimum and maximum first
 */
public record SlidingFftSettings(int window, int step, Taper taper, boolean removeMean, boolean log,
	boolean shift, int zoom, boolean normalise) {

	/** The smallest frame side we produce: smaller crops hold too few frequencies to describe a lattice. */
	public static final int MIN_FRAME = 4;

	public SlidingFftSettings {
		if (window < MIN_FRAME) throw new InputException("window " + window + " px is too small; choose at least " +
			MIN_FRAME + " px (typically 2-4 lattice spacings, e.g. 32 or 64)");
		if (step <= 0) throw new InputException("step " + step + " px must be at least 1 px (e.g. window / 4)");
		if (zoom < 1) throw new InputException("zoom " + zoom + " must be at least 1 (1 keeps the whole spectrum)");
		if (taper == null) throw new InputException("taper is missing; choose hann or none");
		if (frameSize(window, zoom) < MIN_FRAME) throw new InputException("zoom " + zoom + " leaves " +
			frameSize(window, zoom) + " px of a " + window + " px window; choose a zoom of at most " +
			maxZoom(window) + " or a larger window");
	}

	/** Window and step with the defaults for everything else. */
	public static SlidingFftSettings of(int window, int step) {
		return new SlidingFftSettings(window, step, Taper.HANN, false, true, true, 1, true);
	}

	public SlidingFftSettings withZoom(int z) {
		return new SlidingFftSettings(window, step, taper, removeMean, log, shift, z, normalise);
	}

	public SlidingFftSettings withLog(boolean l) {
		return new SlidingFftSettings(window, step, taper, removeMean, l, shift, zoom, normalise);
	}

	public SlidingFftSettings withTaper(Taper t) {
		return new SlidingFftSettings(window, step, t, removeMean, log, shift, zoom, normalise);
	}

	public SlidingFftSettings withRemoveMean(boolean r) {
		return new SlidingFftSettings(window, step, taper, r, log, shift, zoom, normalise);
	}

	public SlidingFftSettings withShift(boolean s) {
		return new SlidingFftSettings(window, step, taper, removeMean, log, s, zoom, normalise);
	}

	public SlidingFftSettings withNormalise(boolean n) {
		return new SlidingFftSettings(window, step, taper, removeMean, log, shift, zoom, n);
	}

	/** Side of each output frame: {@code 2 · max(1, window / (2 · zoom))}, as AtomAI crops. */
	public int frameSize() {
		return frameSize(window, zoom);
	}

	/** First kept frequency row/column of the full {@code window}-sized spectrum. */
	public int cropOffset() {
		return zoom == 1 ? 0 : window / 2 - frameSize() / 2;
	}

	/** Prefix of the keys these settings are stored under in image properties and JSON. */
	public static final String KEY_PREFIX = "stemdiscovery.fft.";

	/** The settings as flat key/value pairs, stored beside the {@link org.stemdiscovery.image.Grid}. */
	public java.util.Map<String, String> toProperties() {
		java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
		p.put(KEY_PREFIX + "window", Integer.toString(window));
		p.put(KEY_PREFIX + "step", Integer.toString(step));
		p.put(KEY_PREFIX + "taper", taper.name().toLowerCase(java.util.Locale.ROOT));
		p.put(KEY_PREFIX + "removeMean", Boolean.toString(removeMean));
		p.put(KEY_PREFIX + "log", Boolean.toString(log));
		p.put(KEY_PREFIX + "shift", Boolean.toString(shift));
		p.put(KEY_PREFIX + "zoom", Integer.toString(zoom));
		p.put(KEY_PREFIX + "normalise", Boolean.toString(normalise));
		p.put(KEY_PREFIX + "frameSize", Integer.toString(frameSize()));
		return p;
	}

	static int frameSize(int window, int zoom) {
		return zoom == 1 ? window : Math.min(window, 2 * Math.max(1, window / (2 * zoom)));
	}

	private static int maxZoom(int window) {
		int z = 1;
		while (frameSize(window, z + 1) >= MIN_FRAME) z++;
		return z;
	}
}
