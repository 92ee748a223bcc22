package org.stemdiscovery.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.InputException;

/**
 * The little JSON the project writes and reads back (grid files, run records): objects as
 * {@code Map<String, ?>}, arrays as {@code List} or primitive arrays, numbers, strings, booleans, null.
 * Parsed numbers come back as {@code Double}.
 */
public final class Json {

	private Json() {}

	/** Indented JSON of maps, lists, arrays, numbers, strings, booleans and null. */
	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(sb, value, "");
		return sb.append('\n').toString();
	}

	private static void write(StringBuilder sb, Object v, String indent) {
		if (v == null) sb.append("null");
		else if (v instanceof String s) quote(sb, s);
		else if (v instanceof Boolean b) sb.append(b);
		else if (v instanceof Double || v instanceof Float) number(sb, ((Number) v).doubleValue());
		else if (v instanceof Number n) sb.append(n);
		else if (v instanceof Map<?, ?> m) {
			if (m.isEmpty()) {
				sb.append("{}");
				return;
			}
			String in = indent + "  ";
			sb.append("{\n");
			int i = 0;
			for (Map.Entry<?, ?> e : m.entrySet()) {
				sb.append(in);
				quote(sb, String.valueOf(e.getKey()));
				sb.append(": ");
				write(sb, e.getValue(), in);
				sb.append(++i < m.size() ? ",\n" : "\n");
			}
			sb.append(indent).append('}');
		}
		else if (v instanceof double[] a) {
			sb.append('[');
			for (int i = 0; i < a.length; i++) {
				if (i > 0) sb.append(", ");
				number(sb, a[i]);
			}
			sb.append(']');
		}
		else if (v instanceof int[] a) {
			sb.append('[');
			for (int i = 0; i < a.length; i++)
				sb.append(i > 0 ? ", " : "").append(a[i]);
			sb.append(']');
		}
		else if (v instanceof Iterable<?> it) {
			sb.append('[');
			boolean first = true;
			for (Object o : it) {
				if (!first) sb.append(", ");
				first = false;
				write(sb, o, indent);
			}
			sb.append(']');
		}
		else quote(sb, v.toString());
	}

	private static void number(StringBuilder sb, double d) {
		if (!Double.isFinite(d)) sb.append("null"); // JSON has no NaN; null says "no value" honestly
		else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
		else sb.append(d);
	}

	private static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
					else sb.append(c);
				}
			}
		}
		sb.append('"');
	}

	/** Parses JSON text; malformed text is an {@link InputException} naming the position. */
	public static Object parse(String text) {
		Parser p = new Parser(text);
		Object v = p.value();
		p.skipSpace();
		if (p.pos < text.length()) throw p.error("unexpected text after the value");
		return v;
	}

	/** Parses a JSON object. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) {
		Object v = parse(text);
		if (!(v instanceof Map)) throw new InputException("expected a JSON object, found " + v);
		return (Map<String, Object>) v;
	}

	private static final class Parser {
		private final String s;
		private int pos;

		Parser(String s) {
			this.s = s;
		}

		InputException error(String what) {
			return new InputException("malformed JSON at character " + pos + ": " + what);
		}

		void skipSpace() {
			while (pos < s.length() && Character.isWhitespace(s.charAt(pos)))
				pos++;
		}

		Object value() {
			skipSpace();
			if (pos >= s.length()) throw error("unexpected end");
			char c = s.charAt(pos);
			if (c == '{') return object();
			if (c == '[') return array();
			if (c == '"') return string();
			if (s.startsWith("true", pos)) {
				pos += 4;
				return Boolean.TRUE;
			}
			if (s.startsWith("false", pos)) {
				pos += 5;
				return Boolean.FALSE;
			}
			if (s.startsWith("null", pos)) {
				pos += 4;
				return null;
			}
			int start = pos;
			while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0)
				pos++;
			if (start == pos) throw error("unexpected '" + c + "'");
			try {
				return Double.parseDouble(s.substring(start, pos));
			}
			catch (NumberFormatException e) {
				throw error("bad number '" + s.substring(start, pos) + "'");
			}
		}

		Map<String, Object> object() {
			Map<String, Object> m = new LinkedHashMap<>();
			pos++;
			skipSpace();
			if (peek() == '}') {
				pos++;
				return m;
			}
			while (true) {
				skipSpace();
				if (peek() != '"') throw error("expected a key");
				String key = string();
				skipSpace();
				if (peek() != ':') throw error("expected ':'");
				pos++;
				m.put(key, value());
				skipSpace();
				char c = peek();
				pos++;
				if (c == '}') return m;
				if (c != ',') throw error("expected ',' or '}'");
			}
		}

		List<Object> array() {
			List<Object> l = new ArrayList<>();
			pos++;
			skipSpace();
			if (peek() == ']') {
				pos++;
				return l;
			}
			while (true) {
				l.add(value());
				skipSpace();
				char c = peek();
				pos++;
				if (c == ']') return l;
				if (c != ',') throw error("expected ',' or ']'");
			}
		}

		String string() {
			StringBuilder sb = new StringBuilder();
			pos++;
			while (pos < s.length()) {
				char c = s.charAt(pos++);
				if (c == '"') return sb.toString();
				if (c != '\\') {
					sb.append(c);
					continue;
				}
				if (pos >= s.length()) break;
				char e = s.charAt(pos++);
				switch (e) {
					case 'n' -> sb.append('\n');
					case 't' -> sb.append('\t');
					case 'r' -> sb.append('\r');
					case 'b' -> sb.append('\b');
					case 'f' -> sb.append('\f');
					case 'u' -> {
						if (pos + 4 > s.length()) throw error("short \\u escape");
						sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
						pos += 4;
					}
					default -> sb.append(e);
				}
			}
			throw error("unterminated string");
		}

		private char peek() {
			if (pos >= s.length()) throw error("unexpected end");
			return s.charAt(pos);
		}
	}
}
