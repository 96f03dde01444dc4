package org.accountsecurity.password;

import java.util.Locale;

/**
 * Finds the person's own e-mail local part or name inside a password, because those are
 * the first guesses of anyone who knows them.
 */
final class PersonalWords {

	private static final int MIN_WHOLE_LENGTH = 3;

	private static final int MIN_PART_LENGTH = 4;

	private PersonalWords() {
	}

	static boolean containsEmailLocalPart(String lowerPassword, String email) {
		if (email == null) {
			return false;
		}
		int at = email.lastIndexOf('@');
		String local = lower(at >= 0 ? email.substring(0, at) : email);
		int plus = local.indexOf('+');
		// "mike+shop" is still Mike: check the address without its sub-address tag too.
		return containsWord(lowerPassword, local, MIN_WHOLE_LENGTH)
				|| (plus > 0 && containsWord(lowerPassword, local.substring(0, plus), MIN_WHOLE_LENGTH));
	}

	static boolean containsName(String lowerPassword, String displayName) {
		if (displayName == null) {
			return false;
		}
		String name = lower(displayName).strip();
		if (containsWord(lowerPassword, name, MIN_WHOLE_LENGTH)
				|| containsWord(lowerPassword, name.replaceAll("\\s+", ""), MIN_WHOLE_LENGTH)) {
			return true;
		}
		for (String part : name.split("\\s+")) {
			if (containsWord(lowerPassword, part, MIN_PART_LENGTH)) {
				return true;
			}
		}
		return false;
	}

	static String lower(String text) {
		return Nfkc.normalize(text).toLowerCase(Locale.ROOT);
	}

	private static boolean containsWord(String lowerPassword, String word, int minLength) {
		return word.codePointCount(0, word.length()) >= minLength && lowerPassword.contains(word);
	}

}
