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

	/** One worker's FFT plan and buffers; transforms one window at a time. */
	private static final class WindowTransform {

		private final SlidingFftSettings s;
		private final int w;
		private final DoubleFFT_2D fft;
		private final double[] buffer;
		private final double[] taper;

		WindowTransform(SlidingFftSettings s) {
			this.s = s;
			this.w = s.window();
			// Double precision: log(1+|F|) of near-zero frequencies keeps ~1e-7 relative accuracy.
			this.fft = new DoubleFFT_2D(w, w);
			this.buffer = new double[2 * w * w];
			this.taper = s.taper().weights(w);
		}

		void transform(double[] image, int width, int left, int top, float[] out, int offset) {
			double mean = 0;
			if (s.removeMean()) {
				for (int y = 0; y < w; y++)
					for (int x = 0; x < w; x++)
						mean += image[(top + y) * width + left + x];
				mean /= w * w;
			}
			for (int y = 0; y < w; y++) {
				int src = (top + y) * width + left;
				for (int x = 0; x < w; x++) {
					double v = image[src + x] - mean;
					buffer[y * w + x] = taper == null ? v : v * taper[y * w + x];
				}
			}
			fft.realForwardFull(buffer);
			int f = s.frameSize(), off = s.cropOffset(), half = s.shift() ? w / 2 : 0;
			for (int oy = 0; oy < f; oy++) {
				int ky = Math.floorMod(oy + off - half, w);
				for (int ox = 0; ox < f; ox++) {
					int kx = Math.floorMod(ox + off - half, w);
					double re = buffer[ky * 2 * w + 2 * kx], im = buffer[ky * 2 * w + 2 * kx + 1];
					double m = Math.sqrt(re * re + im * im);
					out[offset + oy * f + ox] = (float) (s.log() ? Math.log1p(m) : m);
				}
			}
		}
	}
}
