package org.stemdiscovery.link;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A 2-D array as the protocol carries it (a survey, a patch): {@code {"shape": [rows, cols], "dtype": "float32",
 * "base64": "…"}} (little-endian, row-major) or {@code {"shape": [rows, cols], "data": [[…], …]}}, with an
 * optional {@code "dose"} in electrons per pixel. A field that is missing or of the wrong type is a 400; values
 * that do not fill the shape, or are not finite, are a 422 that names the first bad pixel.
 *
 * @param dose electrons per pixel; NaN when the array did not say
 */
record Array2d(float[] values, int rows, int cols, double dose) {

	static Array2d decode(JsonBody o) {
		JsonArray shape = o.array("shape");
		if (shape.size() != 2) throw LinkException.unprocessable(o.what() + " has shape " + shape + "; send [rows, cols]");
		int rows = side(shape.get(0), o), cols = side(shape.get(1), o);
		float[] v;
		if (o.has("base64")) v = base64(o, rows, cols);
		else if (o.has("data")) v = rowsOf(o, rows, cols);
		else throw LinkException.badRequest(o.what() + " has neither 'base64' nor 'data'; see docs/PROTOCOL.md, Arrays");
		for (int i = 0; i < v.length; i++)
			if (!Float.isFinite(v[i])) throw nonFinite(o, v[i], i / cols, i % cols);
		double dose = Double.NaN;
		if (o.has("dose")) {
			dose = o.number("dose");
			if (!(dose > 0) || Double.isInfinite(dose)) throw LinkException.unprocessable("'dose' of " + o.what() + " is " +
				dose + "; electrons per pixel must be positive and finite");
		}
		return new Array2d(v, rows, cols, dose);
	}

	private static int side(JsonElement e, JsonBody o) {
		double d = JsonBody.number(e, "the shape of " + o.what());
		if (d != Math.rint(d) || d < 1 || d > 65536) throw LinkException.unprocessable(o.what() + " has a side of " + d +
			" in its shape; send whole numbers from 1 to 65536");
		return (int) d;
	}

	private static float[] base64(JsonBody o, int rows, int cols) {
		if (o.has("dtype")) {
			String t = o.text("dtype").trim().toLowerCase(Locale.ROOT);
			if (!t.equals("float32") && !t.equals("<f4")) throw LinkException.unprocessable(o.what() + " has dtype '" + o
				.text("dtype") + "'; base64 arrays are little-endian float32 (numpy: a.astype('<f4'))");
		}
		byte[] b;
		try {
			b = Base64.getMimeDecoder().decode(o.text("base64"));
		}
		catch (IllegalArgumentException e) {
			throw LinkException.badRequest("'base64' of " + o.what() + " is not base64: " + e.getMessage());
		}
		long want = 4L * rows * cols;
		if (b.length != want) throw LinkException.unprocessable(o.what() + " has " + b.length + " bytes, and shape [" +
			rows + ", " + cols + "] needs " + want + " (float32)");
		float[] v = new float[rows * cols];
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
		return v;
	}

	private static float[] rowsOf(JsonBody o, int rows, int cols) {
		JsonArray data = o.array("data");
		if (data.size() != rows) throw LinkException.unprocessable(o.what() + " has " + data.size() + " rows, and its " +
			"shape says " + rows);
		float[] v = new float[rows * cols];
		for (int r = 0; r < rows; r++) {
			JsonElement row = data.get(r);
			if (!row.isJsonArray()) throw LinkException.badRequest("row " + r + " of " + o.what() + " is not a list of " +
				"numbers");
			JsonArray a = row.getAsJsonArray();
			if (a.size() != cols) throw LinkException.unprocessable("row " + r + " of " + o.what() + " has " + a.size() +
				" values, and its shape says " + cols);
			for (int c = 0; c < cols; c++)
				v[r * cols + c] = value(a.get(c), o, r, c);
		}
		return v;
	}

	/** A number; the bare words NaN and Infinity that Python writes arrive as strings and count as non-finite. */
	private static float value(JsonElement e, JsonBody o, int r, int c) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
			String s = e.getAsString();
			if (s.equals("NaN") || s.endsWith("Infinity")) throw nonFinite(o, Float.NaN, r, c);
		}
		return (float) JsonBody.number(e, "row " + r + ", column " + c + " of " + o.what());
	}

	private static LinkException nonFinite(JsonBody o, float v, int r, int c) {
		return LinkException.unprocessable(o.what() + " has a non-finite value (" + v + ") at row " + r + ", column " + c +
			"; send finite detector values");
	}

	/** The base64 form, as the journal keeps arrays (and clients in tests send them). */
	static JsonObject encode(float[] values, int rows, int cols) {
		ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		JsonObject o = new JsonObject();
		JsonArray shape = new JsonArray();
		shape.add(rows);
		shape.add(cols);
		o.add("shape", shape);
		o.addProperty("dtype", "float32");
		o.addProperty("base64", Base64.getEncoder().encodeToString(b.array()));
		return o;
	}
}
