package org.accountsecurity.account;

import java.text.Normalizer;

/**
 * Display names: NFC, trimmed, 1 to 100 characters, no control characters (no CRLF into
 * mail headers).
 */
final class DisplayNames {

	static final int MAX_LENGTH = 100;

	private DisplayNames() {
	}

	/** The cleaned name, or null when it cannot be used. */
	static String clean(String typed) {
		if (typed == null) {
			return null;
		}
		String name = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
		if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH
				|| name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
			return null;
		}
		return name;
	}

}
