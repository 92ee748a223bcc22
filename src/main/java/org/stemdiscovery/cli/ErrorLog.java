package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The log of an unexpected failure: its stack trace in {@code stem-discovery-error-<timestamp>.log}, in the output
 * folder when the run has one (else the system's temporary folder), so the one line on the terminal can say what
 * failed and where the details are.
 */
final class ErrorLog {

	static final String PREFIX = "stem-discovery-error-";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

	private ErrorLog() {}

	/**
	 * Writes the log into {@code dir} (created if needed), or into the temporary folder when {@code dir} is null or
	 * cannot be written; returns where it went, or null when no log could be written at all.
	 */
	static Path write(Path dir, Throwable t, String[] args) {
		String text = "stem-discovery " + String.join(" ", args) + "\n" + "time: " + LocalDateTime.now() + "\njava: " +
			System.getProperty("java.version") + " (" + System.getProperty("os.name") + ")\n\n" + trace(t);
		String name = PREFIX + LocalDateTime.now().format(STAMP);
		for (Path d : dir == null ? new Path[] { tmp() } : new Path[] { dir, tmp() }) {
			if (d == null) continue;
			try {
				Files.createDirectories(d);
				for (int n = 1; n < 100; n++) {
					Path f = d.resolve(name + (n == 1 ? "" : "-" + n) + ".log");
					try {
						return Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
							StandardOpenOption.WRITE);
					}
					catch (java.nio.file.FileAlreadyExistsException e) {
						// two failures in one millisecond: the next name
					}
				}
			}
			catch (IOException | RuntimeException e) {
				// try the next folder
			}
		}
		return null;
	}

	static String trace(Throwable t) {
		StringWriter w = new StringWriter();
		t.printStackTrace(new PrintWriter(w, true));
		return w.toString();
	}

	/** Where in our code it failed: the first frame of this project's classes, e.g. {@code FftTask.run(FftTask.java:42)}. */
	static String where(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause())
			for (StackTraceElement e : c.getStackTrace())
				if (e.getClassName().startsWith("org.stemdiscovery.") && !e.getClassName().startsWith("org.stemdiscovery.cli.Cli"))
					return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName() +
						"(" + e.getFileName() + ":" + e.getLineNumber() + ")";
		StackTraceElement[] s = t.getStackTrace();
		return s.length == 0 ? "an unknown place" : s[0].toString();
	}

	private static Path tmp() {
		String t = System.getProperty("java.io.tmpdir");
		return t == null ? null : Path.of(t);
	}
}
