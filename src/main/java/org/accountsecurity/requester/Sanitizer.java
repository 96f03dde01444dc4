package org.accountsecurity.requester;

/** Neutralises recorded input so that it can forge no log line or audit row (CWE-117). */
public final class Sanitizer {

	private Sanitizer() {
	}

	/**
	 * Control characters become {@code \\uXXXX} escapes; the result is cut to {@code max}
	 * characters.
	 */
	public static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(Math.min(value.length(), max));
		for (int i = 0; i < value.length() && out.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.length() > max ? out.substring(0, max) : out.toString();
	}

}
