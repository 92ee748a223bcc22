package org.stemdiscovery.link;

/**
 * A refused request: the HTTP status of docs/PROTOCOL.md and the one line the client reads in
 * {@code {"error": "..."}}. Thrown before the session is changed, so a refused request leaves it as it was.
 */
final class LinkException extends RuntimeException {

	private final int status;

	LinkException(int status, String message) {
		super(message, null, false, false); // a refusal, not a failure: no stack trace to fill
		this.status = status;
	}

	int status() {
		return status;
	}

	static LinkException badRequest(String message) {
		return new LinkException(400, message);
	}

	static LinkException notFound(String message) {
		return new LinkException(404, message);
	}

	static LinkException conflict(String message) {
		return new LinkException(409, message);
	}

	static LinkException unprocessable(String message) {
		return new LinkException(422, message);
	}
}
