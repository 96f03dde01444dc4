package org.accountsecurity.password;

import java.text.Normalizer;

/**
 * NFKC normalisation, shared by the set and verify paths so that both see the same
 * characters.
 */
final class Nfkc {

	private Nfkc() {
	}

	static String normalize(CharSequence text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

}
