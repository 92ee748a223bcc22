package org.stemdiscovery.link;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A plain HTTP client of the link, as an instrument script would be: JSON in, status and JSON out. */
final class LinkClient {

	/** An answer: its status, its JSON and its text (to check that an error is one line). */
	record Reply(int status, JsonObject json, String text) {

		String error() {
			return json.has("error") ? json.get("error").getAsString() : null;
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final String token;

	LinkClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	LinkClient(LinkServer server) {
		this(server.url(), server.config().token());
	}

	Reply get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	Reply post(String path, JsonElement body) {
		return post(path, body.toString());
	}

	Reply post(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").POST(
			HttpRequest.BodyPublishers.ofString(body)));
	}

	private Reply send(HttpRequest.Builder b) {
		if (token != null && !token.isEmpty()) b.header("Authorization", "Bearer " + token);
		try {
			HttpResponse<String> r = http.send(b.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers
				.ofString());
			JsonElement e = JsonParser.parseString(r.body());
			return new Reply(r.statusCode(), e.isJsonObject() ? e.getAsJsonObject() : new JsonObject(), r.body());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
