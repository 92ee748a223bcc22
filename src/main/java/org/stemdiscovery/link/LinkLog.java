package org.stemdiscovery.link;

/** Where the server tells what it does: one line per request, and the details of an unexpected failure. */
public interface LinkLog {

	void line(String text);

	/** An unexpected failure; the client got a 500 with one line, the details belong here. */
	default void failure(String text, Throwable t) {
		line(text);
	}

	/** Prints each line to a stream; failures with their stack trace. */
	static LinkLog to(java.io.PrintStream out) {
		return new LinkLog() {
			@Override
			public void line(String text) {
				out.println(text);
			}

			@Override
			public void failure(String text, Throwable t) {
				out.println(text);
				t.printStackTrace(out);
			}
		};
	}

	LinkLog NONE = text -> {};
}
