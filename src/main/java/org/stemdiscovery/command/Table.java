package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A result table as named columns and rows of numbers or text, neutral to its door: Fiji shows it as a
 * ResultsTable under {@link #title} (macros read it with {@code getResult(column, row, title)}); the CLI writes
 * it as CSV with the column names lower-cased and spaces turned into underscores ({@link #csvHeader}).
 */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

	public Table {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/** A table to fill row by row. */
	public static Builder builder(String title, String... columns) {
		return new Builder(title, List.of(columns));
	}

	/** The CSV header: {@code Singular value} becomes {@code singular_value}. */
	public List<String> csvHeader() {
		return columns.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')).toList();
	}

	/** Each row as an object keyed by the CSV header (a JSON door's rows); empty cells are null. */
	public List<java.util.Map<String, Object>> records() {
		List<String> keys = csvHeader();
		List<java.util.Map<String, Object>> out = new ArrayList<>(rows.size());
		for (List<Object> r : rows) {
			java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
			for (int c = 0; c < keys.size(); c++)
				m.put(keys.get(c), c < r.size() ? r.get(c) : null);
			out.add(m);
		}
		return out;
	}

	public int size() {
		return rows.size();
	}

	/** Cell {@code column} of {@code row}; {@code null} where the row leaves it empty. */
	public Object get(String column, int row) {
		int c = columns.indexOf(column);
		if (c < 0) throw new IllegalArgumentException(title + " has no column " + column);
		List<Object> r = rows.get(row);
		return c < r.size() ? r.get(c) : null;
	}

	/** Collects rows; a row may leave trailing or {@code null} cells empty. */
	public static final class Builder {
		private final String title;
		private final List<String> columns;
		private final List<List<Object>> rows = new ArrayList<>();

		private Builder(String title, List<String> columns) {
			this.title = title;
			this.columns = new ArrayList<>(columns);
		}

		/** Adds a column after the existing ones (rows so far leave it empty). */
		public Builder column(String name) {
			if (!columns.contains(name)) columns.add(name);
			return this;
		}

		public Builder row(Object... cells) {
			if (cells.length > columns.size()) throw new IllegalArgumentException(cells.length + " cells for " + columns
				.size() + " columns of " + title);
			rows.add(java.util.Arrays.asList(cells.clone()));
			return this;
		}

		public Table build() {
			return new Table(title, columns, rows);
		}
	}
}
