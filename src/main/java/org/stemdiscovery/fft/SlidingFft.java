package org.stemdiscovery.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * Local Fourier descriptors: slides a window over an image and stores, for each position fully inside
 * the image, the (tapered, log, shifted, cropped) FFT magnitude of the window. Windows are independent,
 * so they are spread over {@code threads} workers, each with its own FFT plan and buffers.
 */
public final class SlidingFft {

	/** Windows handed to a worker at a time: large enough to amortise scheduling, small for even load. */
	private static final int CHUNK = 64;

	private final SlidingFftSettings settings;
	private final int threads;

	/** @param threads worker threads (at least 1), e.g. the number of cores */
	public SlidingFft(SlidingFftSettings settings, int threads) {
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
		this.settings = settings;
		this.threads = threads;
	}

	public SlidingFftSettings settings() {
		return settings;
	}

	/** The stack of a 2-D image of any real pixel type. */
	public FftStack compute(RandomAccessibleInterval<? extends RealType<?>> image, Progress progress) {
		int[] size = Images.planeSize(image);
		Grid grid = Grid.ofWindows(size[0], size[1], settings.window(), settings.step());
		Runtime rt = Runtime.getRuntime();
		checkMemory(grid, settings, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
		return compute(Images.toFloatArray(image), grid, progress);
	}

	/** Bytes the stack of {@code grid} will take. */
	public static long stackBytes(Grid grid, SlidingFftSettings settings) {
		long f = settings.frameSize();
		return 4L * f * f * grid.size();
	}

	/**
	 * Refuses a stack that would not fit the memory this JVM can still get, with the changes that would
	 * make it fit.
	 */
	static void checkMemory(Grid grid, SlidingFftSettings settings, long free) {
		long need = stackBytes(grid, settings);
		if (need > 0.8 * free) {
			throw new InputException(String.format(
				"the stack of %d windows of %d x %d px needs %d MB but only %d MB of memory are free; " +
					"choose a larger step (e.g. %d px) or a zoom of 2, or give Java more memory " +
					"(Edit › Options › Memory & Threads)", grid.size(), settings.frameSize(), settings.frameSize(),
				need >> 20, free >> 20, settings.step() * 2));
		}
	}

	private FftStack compute(float[] raw, Grid grid, Progress progress) {
		// Double from here on: min-max scaling in float would cost ~1e-4 relative on the weakest frequencies.
		double[] pixels = settings.normalise() ? Images.minMaxScaled(raw) : Images.toDouble(raw);
		int f = settings.frameSize();
		float[] out = new float[Math.multiplyExact(f * f, grid.size())];
		int n = grid.size();
		int chunks = (n + CHUNK - 1) / CHUNK;
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
			Thread t = new Thread(r, "sliding-fft");
			t.setDaemon(true);
			return t;
		});
		try {
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> jobs = new ArrayList<>();
			for (int t = 0; t < Math.min(threads, chunks); t++) {
				jobs.add(pool.submit(() -> {
					WindowTransform wt = new WindowTransform(settings);
					for (int c; (c = next.getAndIncrement()) < chunks && !progress.isCancelled();) {
						for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++)
							wt.transform(pixels, grid.sourceWidth(), grid.left(grid.col(i)), grid.top(grid.row(i)), out,
								i * f * f);
						int d = done.addAndGet(Math.min(n, (c + 1) * CHUNK) - c * CHUNK);
						progress.report((double) d / n, "FFT of window " + d + " of " + n);
					}
				}));
			}
			for (Future<?> job : jobs)
				job.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing the sliding FFT", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException re) throw re;
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		progress.checkCancelled();
		return new FftStack(Images.wrap(out, f, f, n), grid, settings);
	}

	/**
	 * One worker's FFT plans and buffers; transforms one window at a time. A real window's spectrum is
	 * Hermitian, |F(ky, kx)| = |F(−ky, −kx)|, so for even windows only the columns kx = 0 … w/2 are
	 * transformed (real FFT of each row, then complex FFT of half the columns) and the rest is mirrored:
	 * about half the work of a full 2-D transform.
	 */
	private static final class WindowTransform {

		private final SlidingFftSettings s;
		private final int w, half;
		private final DoubleFFT_1D rowFft, colFft;
		private final DoubleFFT_2D fullFft;
		private final double[] rows, column, magnitude, full;
		private final double[] taper;

		WindowTransform(SlidingFftSettings s) {
			this.s = s;
			this.w = s.window();
			this.half = w / 2;
			this.taper = s.taper().weights(w);
			// Double precision: log(1+|F|) of near-zero frequencies keeps ~1e-7 relative accuracy.
			boolean even = w % 2 == 0;
			this.rowFft = even ? new DoubleFFT_1D(w) : null;
			this.colFft = even ? new DoubleFFT_1D(w) : null;
			this.fullFft = even ? null : new DoubleFFT_2D(w, w);
			this.rows = new double[w * w];
			this.column = new double[2 * w];
			this.magnitude = new double[w * (half + 1)];
			this.full = even ? null : new double[2 * w * w];
		}

		void transform(double[] image, int width, int left, int top, float[] out, int offset) {
			double mean = 0;
			if (s.removeMean()) {
				for (int y = 0; y < w; y++)
					for (int x = 0; x < w; x++)
						mean += image[(top + y) * width + left + x];
				mean /= w * w;
			}
			double[] in = full != null ? full : rows;
			for (int y = 0; y < w; y++) {
				int src = (top + y) * width + left;
				for (int x = 0; x < w; x++) {
					double v = image[src + x] - mean;
					in[y * w + x] = taper == null ? v : v * taper[y * w + x];
				}
			}
			if (full != null) fullMagnitudes();
			else halfMagnitudes();
			int f = s.frameSize(), off = s.cropOffset(), shift = s.shift() ? w / 2 : 0;
			for (int oy = 0; oy < f; oy++) {
				int ky = Math.floorMod(oy + off - shift, w);
				for (int ox = 0; ox < f; ox++) {
					int kx = Math.floorMod(ox + off - shift, w);
					double m = kx <= half ? magnitude[ky * (half + 1) + kx]
						: magnitude[((w - ky) % w) * (half + 1) + (w - kx)];
					out[offset + oy * f + ox] = (float) (s.log() ? log1p(m) : m);
				}
			}
		}

		/**
		 * log(1 + m) for m ≥ 0. {@code Math.log1p} is not an intrinsic and cost more than the FFT itself;
		 * {@code Math.log(1 + m)} is exact to ~1e-12 relative for m ≥ 1e-4, and a three-term series covers
		 * the smaller values to double precision.
		 */
		private static double log1p(double m) {
			return m < 1e-4 ? m * (1 - m * (0.5 - m / 3)) : Math.log(1 + m);
		}

		/** Even windows: real row FFTs (JTransforms' packed layout), then complex FFTs of columns 0 … w/2. */
		private void halfMagnitudes() {
			for (int y = 0; y < w; y++)
				rowFft.realForward(rows, y * w);
			for (int kx = 0; kx <= half; kx++) {
				for (int y = 0; y < w; y++) {
					int r = y * w;
					// packed: a[0] = Re 0, a[1] = Re w/2, a[2k] = Re k, a[2k+1] = Im k
					column[2 * y] = kx == 0 ? rows[r] : kx == half ? rows[r + 1] : rows[r + 2 * kx];
					column[2 * y + 1] = kx == 0 || kx == half ? 0 : rows[r + 2 * kx + 1];
				}
				colFft.complexForward(column);
				for (int ky = 0; ky < w; ky++)
					magnitude[ky * (half + 1) + kx] = Math.sqrt(column[2 * ky] * column[2 * ky] + column[2 * ky + 1] * column[2 * ky + 1]);
			}
		}

		/** Odd windows: the full 2-D transform, keeping columns 0 … w/2 as {@link #halfMagnitudes} does. */
		private void fullMagnitudes() {
			fullFft.realForwardFull(full);
			for (int ky = 0; ky < w; ky++)
				for (int kx = 0; kx <= half; kx++) {
					double re = full[ky * 2 * w + 2 * kx], im = full[ky * 2 * w + 2 * kx + 1];
					magnitude[ky * (half + 1) + kx] = Math.sqrt(re * re + im * im);
				}
		}
	}
}
