package org.stemdiscovery.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stemdiscovery.image.InputException;

/**
 * Splits loops over rows into one contiguous range per thread. One pool per decomposition (closed after it),
 * and the calling thread takes the first range itself, so a thousand small parallel loops per NMF cost little.
 */
final class Parallel implements AutoCloseable {

	/** Body of a loop over {@code [from, to)}. */
	interface Range {
		void run(int from, int to);
	}

	private final int threads;
	private final ExecutorService pool;

	Parallel(int threads) {
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
		this.threads = threads;
		this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
			Thread t = new Thread(r, "decompose");
			t.setDaemon(true);
			return t;
		});
	}

	int threads() {
		return threads;
	}

	/** Runs {@code body} over {@code [0, n)} in up to {@code threads} ranges of at least {@code grain} each. */
	void forRange(int n, int grain, Range body) {
		int parts = Math.max(1, Math.min(threads, n / Math.max(1, grain)));
		if (parts == 1) {
			body.run(0, n);
			return;
		}
		List<Future<?>> jobs = new ArrayList<>(parts - 1);
		for (int p = 1; p < parts; p++) {
			int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
			jobs.add(pool.submit(() -> body.run(from, to)));
		}
		body.run(0, (int) ((long) n / parts));
		try {
			for (Future<?> f : jobs)
				f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException re) throw re;
			if (e.getCause() instanceof Error er) throw er;
			throw new IllegalStateException(e.getCause());
		}
	}

	@Override
	public void close() {
		if (pool != null) pool.shutdownNow();
	}
}
