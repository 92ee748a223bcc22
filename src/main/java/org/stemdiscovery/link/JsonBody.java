package org.stemdiscovery.link;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.internal.bind.TypeAdapters;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * A request's JSON object and typed access to its fields, each refusal a 400 that names the field. Parsed
 * leniently on purpose: Python's {@code json} writes NaN and Infinity as bare words, and those must reach the
 * array check (422, naming the pixel) rather than be called malformed; anything else that is not one JSON
 * object is a 400.
 */
record JsonBody(JsonObject object, String what) {

	static JsonBody parse(String text) {
		if (text.isBlank()) throw LinkException.badRequest("the request has no body; send a JSON object");
		try (JsonReader r = new JsonReader(new StringReader(text))) {
			r.setLenient(true);
			JsonElement e = TypeAdapters.JSON_ELEMENT.read(r);
			if (r.peek() != JsonToken.END_DOCUMENT) throw LinkException.badRequest("malformed JSON: text after the " +
				"object ends; send one JSON object");
			if (!e.isJsonObject()) throw LinkException.badRequest("the body is not a JSON object; send {...}");
			return new JsonBody(e.getAsJsonObject(), "the request");
		}
		catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
			throw LinkException.badRequest("malformed JSON: " + oneLine(e.getMessage()));
		}
	}

	static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s+", " ").trim();
	}

	boolean has(String name) {
		return object.has(name) && !object.get(name).isJsonNull();
	}

	JsonElement get(String name) {
		if (!has(name)) throw LinkException.badRequest(what + " has no '" + name + "'; see docs/PROTOCOL.md");
		return object.get(name);
	}

	JsonBody object(String name) {
		JsonElement e = get(name);
		if (!e.isJsonObject()) throw LinkException.badRequest("'" + name + "' in " + what + " must be a JSON object");
		return new JsonBody(e.getAsJsonObject(), "'" + name + "'");
	}

	JsonArray array(String name) {
		JsonElement e = get(name);
		if (!e.isJsonArray()) throw LinkException.badRequest("'" + name + "' in " + what + " must be a JSON array");
		return e.getAsJsonArray();
	}

	double number(String name) {
		return number(get(name), "'" + name + "' in " + what);
	}

	/** The number, or {@code otherwise} when the field is absent or null. */
	double number(String name, double otherwise) {
		return has(name) ? number(name) : otherwise;
	}

	int integer(String name) {
		double d = number(name);
		if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw LinkException.badRequest("'" + name + "' in " +
			what + " must be a whole number, not " + d);
		return (int) d;
	}

	String text(String name) {
		JsonElement e = get(name);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw LinkException.badRequest("'" + name +
			"' in " + what + " must be a string");
		return e.getAsString();
	}

	static double number(JsonElement e, String what) {
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw LinkException.badRequest(
			what + " must be a number" + (e == null || e.isJsonNull() ? "" : ", not " + abbreviate(e)));
		return e.getAsDouble();
	}

	static String abbreviate(JsonElement e) {
		String s = e.toString();
		return s.length() > 40 ? s.substring(0, 37) + "..." : s;
	}
}
