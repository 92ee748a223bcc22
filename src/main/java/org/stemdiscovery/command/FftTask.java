package org.stemdiscovery.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;

/** The work of Sliding FFT Stack: the stack with its grid in the Info, and the table of windows. */
public final class FftTask {

	/** Info key naming the image a stack was made from. */
	public static final String SOURCE_KEY = "stemdiscovery.source";
	/** Suffix and file of the stack; title of the windows table. */
	public static final String STACK = "fft", STACK_FILE = "fft-stack.tif", WINDOWS = "FFT Windows";

	private FftTask() {}

	/**
	 * @param source title or file name of the image, recorded in the stack's Info
	 * @param scale  the image's pixel size, for the calibrated window columns; {@link Scale#NONE} when unknown
	 */
	public static Result run(RandomAccessibleInterval<? extends RealType<?>> image, String source, Scale scale,
		FftParams params, Progress progress) {
		SlidingFftSettings settings = params.settings();
		FftStack fft = new SlidingFft(settings, Threads.resolve(params.threads())).compute(image, progress);
		Map<String, String> info = new LinkedHashMap<>();
		info.put(SOURCE_KEY, source);
		info.putAll(fft.grid().toProperties());
		info.putAll(settings.toProperties());
		int f = fft.frameSize();
		FloatImage stack = new FloatImage(STACK, STACK_FILE, fft.data(), f, f, fft.size(), info);
		Map<String, Object> meta = new LinkedHashMap<>(info);
		meta.put("frames", fft.size());
		String summary = String.format("%d windows of %d px (grid %d x %d), frames %d x %d px", fft.size(), settings
			.window(), fft.grid().cols(), fft.grid().rows(), f, f);
		return new Result(List.of(stack), List.of(windows(fft.grid(), scale)), meta, summary);
	}

	/** One row per window, stable column names: centres and corners in image pixels, and in the scale's unit. */
	static Table windows(Grid grid, Scale scale) {
		Table.Builder t = Table.builder(WINDOWS, "Window", "Row", "Col", "X", "Y", "Left", "Top");
		if (scale.calibrated()) t.column("X (" + scale.unit() + ")").column("Y (" + scale.unit() + ")");
		for (int i = 0; i < grid.size(); i++) {
			int r = grid.row(i), c = grid.col(i);
			double x = grid.centreX(c), y = grid.centreY(r);
			if (scale.calibrated()) t.row(i + 1, r, c, x, y, grid.left(c), grid.top(r), scale.x(x), scale.y(y));
			else t.row(i + 1, r, c, x, y, grid.left(c), grid.top(r));
		}
		return t.build();
	}
}
