package org.accountsecurity.secondfactor;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The name a holder gives a passkey: NFC, trimmed, 1 to 64 characters (code points), no
 * control or format characters (no bidirectional overrides to disguise it in a list).
 */
final class PasskeyName {

	static final int MAX_LENGTH = 64;

	private PasskeyName() {
	}

	static Optional<String> clean(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String name = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
		int length = name.codePointCount(0, name.length());
		boolean printable = name.codePoints()
			.noneMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
		return length >= 1 && length <= MAX_LENGTH && printable ? Optional.of(name) : Optional.empty();
	}

}
