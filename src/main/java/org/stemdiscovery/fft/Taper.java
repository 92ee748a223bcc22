package org.stemdiscovery.fft;

/** Real-space window applied to each patch before its FFT, to keep the patch edges from ringing. */
public enum Taper {
	/** Separable symmetric Hann window, {@code numpy.hanning}: 0.5 − 0.5 cos(2πn/(w−1)). */
	HANN,
	/** No taper: the patch's edges show up as streaks along the axes. */
	NONE;

	/** The w × w taper as a row-major array, or {@code null} for {@link #NONE}. */
	public double[] weights(int w) {
		if (this == NONE) return null;
		double[] h = new double[w];
		for (int n = 0; n < w; n++)
			h[n] = w == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * n / (w - 1));
		double[] out = new double[w * w];
		for (int y = 0; y < w; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = h[y] * h[x];
		return out;
	}

	/** Parses "hann" or "none", case-insensitively, with a message that lists the choices. */
	public static Taper parse(String name) {
		for (Taper t : values())
			if (t.name().equalsIgnoreCase(name.trim())) return t;
		throw new org.stemdiscovery.image.InputException("taper '" + name + "' is unknown; choose hann or none");
	}
}
