package org.stemdiscovery.fiji;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.Macro;

import org.stemdiscovery.image.InputException;

/**
 * ImageJ 1 macro options ({@code "window=64 taper=[hann] overlay"}) as key/value pairs: a bare key is a
 * checked checkbox; bracketed values may hold spaces. Keys are ImageJ's: the first word of a label, lower
 * case ({@link Macro#trimKey}).
 */
final class MacroOptions {

	private MacroOptions() {}

	static Map<String, String> parse(String options) {
		Map<String, String> out = new LinkedHashMap<>();
		int i = 0, n = options.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(options.charAt(i)))
				i++;
			int start = i;
			while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i)))
				i++;
			if (start == i) break;
			String key = options.substring(start, i);
			if (i < n && options.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && options.charAt(i) == '[') {
					int end = options.indexOf(']', i);
					if (end < 0) throw new InputException("macro option '" + key + "' opens '[' without closing ']'");
					value = options.substring(i + 1, end);
					i = end + 1;
				}
				else {
					int s = i;
					while (i < n && !Character.isWhitespace(options.charAt(i)))
						i++;
					value = options.substring(s, i);
				}
				out.put(key, value);
			}
			else {
				out.put(key, "true");
			}
		}
		return out;
	}

	/** The macro key of a dialog label. */
	static String key(String label) {
		return Macro.trimKey(label);
	}
}
