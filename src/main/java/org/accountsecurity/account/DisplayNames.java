package org.accountsecurity.account;

import java.text.Normalizer;
import java.util.List;

import org.accountsecurity.account.InvalidAccount.Problem;

/**
 * Display names: NFC, trimmed, 1 to 100 characters, no control characters (no CRLF into
 * mail headers).
 */
final class DisplayNames {

	static final int MAX_LENGTH = 100;

	private static final String FIELD = "displayName";

	private DisplayNames() {
	}

	/** The cleaned name, or null when it cannot be used. */
	static String clean(String typed) {
		return problem(typed) == null ? normalize(typed) : null;
	}

	/**
	 * Why the typed name cannot be used, or null when it can. Spaces only count as empty:
	 * a browser sends them past {@code required}.
	 */
	static Problem problem(String typed) {
		String name = typed == null ? "" : normalize(typed);
		if (name.isEmpty()) {
			return new Problem(FIELD, "account.name.required", List.of());
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			return new Problem(FIELD, "account.name.tooLong", List.of(MAX_LENGTH));
		}
		if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
			return new Problem(FIELD, "account.name.invalid", List.of(MAX_LENGTH));
		}
		return null;
	}

	private static String normalize(String typed) {
		return Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
	}

}
