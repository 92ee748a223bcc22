package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.fft.Taper;

/**
 * Sliding FFT Stack / {@code stem-discovery fft}: the parameters, declared once in {@link #SPEC}.
 *
 * @param threads worker threads; 0 = every core (the same in every door)
 */
public record FftParams(int window, int step, int zoom, String taper, boolean linear, boolean subtract, int threads) {

	public static final Spec SPEC = new Spec("fft", "Sliding FFT Stack",
		"sliding-window FFT stack of an image (writes fft-stack.tif, grid.json, windows.csv)",
		"Local FFT magnitudes of square windows slid over a 2-D image: the image is rescaled to [0,1], each window is " +
			"tapered, transformed, log(1+|F|)-scaled and shifted so the zero frequency sits at the frame centre. Only " +
			"windows that lie fully inside the image are used.",
		List.of(
			Param.integer("window", 64).range(SlidingFftSettings.MIN_FRAME, 4096).unit("px").label("Window size (px)")
				.help("side of the square window; 2-4 lattice spacings or more"),
			Param.integer("step", 16).range(1, 4096).unit("px").label("Step (px)").help("distance between window positions"),
			Param.integer("zoom", 1).range(1, 256).label("Zoom (keep central 1/zoom of frequencies)")
				.help("keep the central 1/zoom of the frequencies (1 keeps all)"),
			Param.choice("taper", "hann", "hann", "none").label("Taper")
				.help("real-space taper before the FFT: hann (no edge streaks) or none"),
			Param.flag("linear").alias("no-log").label("Linear magnitude (no log)")
				.help("store |F| instead of log(1+|F|)"),
			Param.flag("subtract").alias("remove-mean").label("Subtract window mean")
				.help("subtract each window's mean before the FFT"),
			Threads.param()));

	public static FftParams from(Values v) {
		return new FftParams(v.integer("window"), v.integer("step"), v.integer("zoom"), v.text("taper"), v.flag("linear"),
			v.flag("subtract"), v.integer("threads"));
	}

	/** The core's settings; checks what only the combination decides (the zoom must leave a 4 px frame). */
	public SlidingFftSettings settings() {
		return SlidingFftSettings.of(window, step).withZoom(zoom).withTaper(Taper.parse(taper)).withLog(!linear)
			.withRemoveMean(subtract);
	}
}
