package org.stemdiscovery.image;

/**
 * Bad input from a user: the message names the problem and what to change, in one line,
 * and is shown as it is (no stack trace) by the Fiji commands and the command line.
 */
public class InputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InputException(String message) {
		super(message);
	}
}
