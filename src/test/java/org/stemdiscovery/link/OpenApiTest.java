package org.stemdiscovery.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes exactly the server's routes: each path of the route table with each of its methods,
 * and no path the server does not have. Read line by line (two-space YAML indentation), as the project has no YAML
 * parser and the check needs none.
 */
class OpenApiTest {

	@Test
	void theOpenApiFileHasEveryRouteAndNoOther() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/openapi.yaml"));
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("openapi: 3.0")), "OpenAPI 3.0");
		Set<String> documented = new LinkedHashSet<>();
		String path = null;
		boolean inPaths = false;
		for (String l : lines) {
			if (!l.startsWith(" ")) inPaths = l.equals("paths:");
			else if (inPaths && l.matches("  /\\S*:")) path = l.trim().replaceAll(":$", "");
			else if (inPaths && path != null && l.matches("    (get|post|put|delete|patch):")) documented.add(l.trim()
				.replace(":", "").toUpperCase(java.util.Locale.ROOT) + " /v1" + path);
		}
		List<String> served = new ArrayList<>(new LinkServer(new LinkConfig("127.0.0.1", 0, Path.of("unused"), "", 1,
			1), LinkLog.NONE, null).routeTable());
		assertEquals(new LinkedHashSet<>(served), documented);
		for (String op : List.of("health", "next", "measurements", "report", "abort"))
			assertTrue(Files.readString(Path.of("docs/PROTOCOL.md")).contains(op), "PROTOCOL.md has " + op);
	}
}
