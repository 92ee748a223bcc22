package org.stemdiscovery.image;

/** A {@link Progress} whose user has already cancelled: for tests that work stops at the first check. */
public final class Cancelled implements Progress {

	public static final Progress PROGRESS = new Cancelled();

	private Cancelled() {}

	@Override
	public void report(double fraction, String message) {}

	@Override
	public boolean isCancelled() {
		return true;
	}
}
