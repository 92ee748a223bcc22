package org.stemdiscovery.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.image.InputException;

/** Comma-separated numeric tables with one header line, as the peers and spreadsheets read them. */
public final class Csv {

	private Csv() {}

	/** A header and numeric rows. */
	public record Table(List<String> header, List<double[]> rows) {

		/** Index of a column by name; a missing one is an {@link InputException} listing the present ones. */
		public int column(String name) {
			int i = header.indexOf(name);
			if (i < 0) throw new InputException("the table has no column '" + name + "'; it has " + header);
			return i;
		}
	}

	public static void write(Path path, List<String> header, List<double[]> rows) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			w.write(String.join(",", header));
			w.newLine();
			StringBuilder sb = new StringBuilder();
			for (double[] r : rows) {
				sb.setLength(0);
				for (int i = 0; i < r.length; i++) {
					if (i > 0) sb.append(',');
					double v = r[i];
					sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
				}
				w.write(sb.toString());
				w.newLine();
			}
		}
	}

	/** Reads a numeric CSV; a non-numeric cell is an {@link InputException} naming line and column. */
	public static Table read(Path path) {
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new InputException("cannot read " + path + ": " + e.getMessage());
		}
		if (lines.isEmpty()) throw new InputException(path + " is empty; a header line such as 'x,y,class' is needed");
		List<String> header = new ArrayList<>();
		for (String h : lines.get(0).split(","))
			header.add(h.trim());
		List<double[]> rows = new ArrayList<>();
		for (int l = 1; l < lines.size(); l++) {
			String line = lines.get(l).trim();
			if (line.isEmpty()) continue;
			String[] cells = line.split(",");
			if (cells.length != header.size()) throw new InputException(path.getFileName() + " line " + (l + 1) + " has " +
				cells.length + " values for " + header.size() + " columns");
			double[] r = new double[cells.length];
			for (int c = 0; c < cells.length; c++) {
				try {
					r[c] = Double.parseDouble(cells[c].trim());
				}
				catch (NumberFormatException e) {
					throw new InputException(path.getFileName() + " line " + (l + 1) + ", column '" + header.get(c) +
						"': '" + cells[c] + "' is not a number");
				}
			}
			rows.add(r);
		}
		return new Table(List.copyOf(header), rows);
	}
}
