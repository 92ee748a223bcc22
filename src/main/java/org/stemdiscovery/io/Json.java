package org.stemdiscovery.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import org.stemdiscovery.image.InputException;

/**
 * The JSON the project writes and reads back (grids, summaries, run records), through Gson: objects as
 * {@code Map<String, ?>}, arrays as {@code List} or primitive arrays, numbers, strings, booleans, null.
 * Two choices of ours on top of Gson: a non-finite number is written as {@code null} (JSON has no NaN; null
 * says "no value" honestly) and a whole number without ".0"; parsed numbers come back as {@code Double}.
 */
public final class Json {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private Json() {}

	/** Indented JSON of maps, lists, arrays, numbers, strings, booleans and null, ending with a newline. */
	public static String write(Object value) {
		return GSON.toJson(tree(value)) + "\n";
	}

	private static JsonElement tree(Object v) {
		if (v == null) return JsonNull.INSTANCE;
		if (v instanceof JsonElement e) return e;
		if (v instanceof String s) return new JsonPrimitive(s);
		if (v instanceof Boolean b) return new JsonPrimitive(b);
		if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue());
		if (v instanceof Number n) return new JsonPrimitive(n);
		if (v instanceof Map<?, ?> m) {
			JsonObject o = new JsonObject();
			m.forEach((k, x) -> o.add(String.valueOf(k), tree(x)));
			return o;
		}
		JsonArray a = new JsonArray();
		if (v instanceof double[] d) for (double x : d)
			a.add(number(x));
		else if (v instanceof float[] f) for (float x : f)
			a.add(number(x));
		else if (v instanceof int[] i) for (int x : i)
			a.add(x);
		else if (v instanceof long[] l) for (long x : l)
			a.add(x);
		else if (v instanceof Iterable<?> it) for (Object x : it)
			a.add(tree(x));
		else return new JsonPrimitive(v.toString());
		return a;
	}

	private static JsonElement number(double d) {
		if (!Double.isFinite(d)) return JsonNull.INSTANCE;
		if (d == Math.rint(d) && Math.abs(d) < 1e15) return new JsonPrimitive((long) d);
		return new JsonPrimitive(d);
	}

	/** Parses JSON text into maps, lists, Doubles, Strings, Booleans and nulls. */
	public static Object parse(String text) {
		try {
			return value(GSON.fromJson(text, JsonElement.class));
		}
		catch (JsonParseException e) {
			throw new InputException("not valid JSON: " + oneLine(e.getMessage()));
		}
	}

	/** Parses a JSON object. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) {
		Object o = parse(text);
		if (!(o instanceof Map)) throw new InputException("expected a JSON object, found " + (o == null ? "nothing" : o
			.getClass().getSimpleName()));
		return (Map<String, Object>) o;
	}

	private static Object value(JsonElement e) {
		if (e == null || e.isJsonNull()) return null;
		if (e.isJsonObject()) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet())
				m.put(x.getKey(), value(x.getValue()));
			return m;
		}
		if (e.isJsonArray()) {
			List<Object> l = new ArrayList<>();
			for (JsonElement x : e.getAsJsonArray())
				l.add(value(x));
			return l;
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		if (p.isBoolean()) return p.getAsBoolean();
		if (p.isNumber()) return p.getAsDouble();
		return p.getAsString();
	}

	private static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s+", " ");
	}
}
