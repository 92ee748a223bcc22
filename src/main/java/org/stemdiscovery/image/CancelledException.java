package org.stemdiscovery.image;

/** Thrown from long work when its {@link Progress} reports that the user cancelled. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("cancelled by the user");
	}
}
