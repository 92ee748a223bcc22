package org.stemdiscovery.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A session's append-only journal, {@code SESSIONS/<id>/journal.jsonl}: one JSON object per line, each written and
 * forced to the disk ({@link FileChannel#force}) before the request it records is answered, so an acknowledged
 * request survives a crash of the server or of the machine.
 */
final class Journal implements AutoCloseable {

	static final String FILE = "journal.jsonl";

	private final Path file;
	private final FileChannel channel;

	private Journal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** A new journal in {@code dir} (created); refuses to overwrite one. */
	static Journal create(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path f = dir.resolve(FILE);
		return new Journal(f, FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
	}

	/**
	 * Reads a journal's lines as objects. A last line cut short (the server died while writing it, so it was
	 * never acknowledged) is dropped and cut off the file, so the next append starts a clean line.
	 */
	static List<JsonObject> read(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] != '\n')
			end--;
		if (end < bytes.length) try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
			c.truncate(end);
			c.force(true);
		}
		List<JsonObject> out = new ArrayList<>();
		int n = 0;
		for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
			n++;
			if (line.isBlank()) continue;
			try {
				out.add(JsonParser.parseString(line).getAsJsonObject());
			}
			catch (JsonParseException | IllegalStateException e) {
				throw new IOException(file + " line " + n + " is not a JSON object: " + JsonBody.oneLine(e.getMessage()));
			}
		}
		return out;
	}

	/** Opens an existing journal for appending (after {@link #read}). */
	static Journal append(Path file) throws IOException {
		return new Journal(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
	}

	/** Appends one line and forces it to the disk. */
	void write(JsonObject entry) {
		ByteBuffer b = ByteBuffer.wrap((entry.toString() + "\n").getBytes(StandardCharsets.UTF_8));
		try {
			while (b.hasRemaining())
				channel.write(b);
			channel.force(false);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
		}
	}

	Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
