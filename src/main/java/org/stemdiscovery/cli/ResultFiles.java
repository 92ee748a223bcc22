package org.stemdiscovery.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.command.FloatImage;
import org.stemdiscovery.command.Table;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;

/** The command line's rendering of a task's neutral results: images as ImageJ TIFFs, tables as CSV, metadata as JSON. */
final class ResultFiles {

	private ResultFiles() {}

	/** Writes the image as {@code dir/<its file>} with its Info. */
	static void image(Path dir, FloatImage img) throws IOException {
		Tiff.writeFloat(OutputFolder.create(dir).resolve(img.file()), img.data(), img.width(), img.height(), img.planes(),
			img.info());
	}

	/** Writes the table as CSV: header from {@link Table#csvHeader()}, whole numbers without ".0", empty cells empty. */
	static void table(Path dir, String file, Table t) throws IOException {
		table(dir, file, t, null);
	}

	/** The same, after a {@code # comment} line (a definition the numbers depend on); none when {@code null}. */
	static void table(Path dir, String file, Table t, String comment) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(OutputFolder.create(dir).resolve(file), StandardCharsets.UTF_8)) {
			if (comment != null) {
				w.write("# " + comment);
				w.newLine();
			}
			w.write(String.join(",", t.csvHeader()));
			w.newLine();
			StringBuilder sb = new StringBuilder();
			for (List<Object> row : t.rows()) {
				sb.setLength(0);
				for (int i = 0; i < t.columns().size(); i++) {
					if (i > 0) sb.append(',');
					sb.append(cell(i < row.size() ? row.get(i) : null));
				}
				w.write(sb.toString());
				w.newLine();
			}
		}
	}

	static String cell(Object v) {
		if (v == null) return "";
		if (v instanceof Double || v instanceof Float) {
			double d = ((Number) v).doubleValue();
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
		}
		if (v instanceof Number n) return n.toString();
		String s = v.toString();
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	/** Writes {@code values} as indented JSON. */
	static void json(Path dir, String file, Map<String, ?> values) throws IOException {
		Files.writeString(OutputFolder.create(dir).resolve(file), Json.write(values));
	}
}
