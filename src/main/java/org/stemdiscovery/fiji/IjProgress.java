package org.stemdiscovery.fiji;

import ij.IJ;

import org.stemdiscovery.image.Progress;

/** Progress in ImageJ's status bar and progress bar; Esc cancels. */
final class IjProgress implements Progress {

	private final String task;
	private long lastShown;

	IjProgress(String task) {
		this.task = task;
	}

	@Override
	public synchronized void report(double fraction, String message) {
		long now = System.nanoTime();
		if (fraction < 1 && now - lastShown < 100_000_000L) return; // the status bar needs no more than 10 Hz
		lastShown = now;
		IJ.showProgress(fraction);
		IJ.showStatus(task + ": " + message + " (Esc cancels)");
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	void done(String message) {
		IJ.showProgress(1.0);
		IJ.showStatus(task + ": " + message);
	}
}
