package org.stemdiscovery.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task returns, neutral to the door that renders it: images with their Info, tables, a metadata map
 * (the CLI's JSON summary, a script's dictionary) and one line saying what was done.
 */
public record Result(List<FloatImage> images, List<Table> tables, Map<String, Object> metadata, String summary) {

	public Result {
		images = List.copyOf(images);
		tables = List.copyOf(tables);
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

	/** The image with this suffix. */
	public FloatImage image(String suffix) {
		return images.stream().filter(i -> i.suffix().equals(suffix)).findFirst().orElseThrow(() ->
			new IllegalArgumentException("no image " + suffix));
	}

	/** The table with this title. */
	public Table table(String title) {
		return tables.stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow(() ->
			new IllegalArgumentException("no table " + title));
	}
}
