package org.stemdiscovery.link;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation of the protocol: a method and a path template ({@code /v1/sessions/{id}/next}) and what answers
 * it. The server's table of routes is the list docs/openapi.yaml is checked against.
 */
record Route(String method, String template, Handler handler) {

	/** Answers a request: the path's {@code {names}} and the body (empty for GET). */
	interface Handler {
		Answer handle(Map<String, String> path, String body);
	}

	/** A status and what becomes its JSON body. */
	record Answer(int status, Object body) {}

	/** The path's {@code {names}} when {@code path} fits the template, else null. */
	Map<String, String> match(String path) {
		String[] t = template.split("/"), p = path.split("/", -1);
		if (t.length != p.length) return null;
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < t.length; i++)
			if (t[i].startsWith("{")) {
				if (p[i].isEmpty()) return null;
				names.put(t[i].substring(1, t[i].length() - 1), p[i]);
			}
			else if (!t[i].equals(p[i])) return null;
		return names;
	}
}
