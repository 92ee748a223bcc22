package org.stemdiscovery.image;

/**
 * How long work reports how far it has got and learns that the user gave up.
 * The Fiji layer maps this onto ImageJ's status bar and Esc key; the CLI onto stderr.
 */
public interface Progress {

	/** A sink that shows nothing and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void report(double fraction, String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** @param fraction done so far, 0 to 1 */
	void report(double fraction, String message);

	boolean isCancelled();

	/** Throws {@link CancelledException} when the user has cancelled; call between chunks of work. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}
}
