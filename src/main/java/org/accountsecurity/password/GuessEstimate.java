package org.accountsecurity.password;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.stereotype.Component;

/**
 * How many guesses an attacker who knows the common patterns would need for a password,
 * estimated by zxcvbn (dictionaries, keyboard rows, repeats, sequences, dates, l33t),
 * with the person's own words added to its dictionaries.
 */
@Component
public class GuessEstimate {

	/**
	 * zxcvbn reads only this many code points. Its l33t matcher costs far more than
	 * linear: on 2 busy cores a 128-character random password took 8 to 13 s, while 32
	 * l33t-only characters take well under one BCrypt hash at cost 12. Judging a prefix
	 * never lets a weak password through, since a longer password needs at least as many
	 * guesses; it only refuses one whose first 32 characters are weak.
	 */
	static final int MAX_CODE_POINTS = 32;

	private static final List<String> SERVICE_WORDS = List.of("account", "security", "accountsecurity");

	// Built once: loading the dictionaries takes a while; measure() keeps no state
	// between
	// calls, so one instance serves every thread.
	private final Zxcvbn zxcvbn = new Zxcvbn();

	/**
	 * Estimates the guesses needed for a password.
	 * @param normalizedPassword the NFKC-normalised password, not blank
	 * @param context personal words to count as easy guesses, may be {@code null}
	 * @return zxcvbn's estimate for the first {@value #MAX_CODE_POINTS} code points
	 */
	public double guesses(String normalizedPassword, PasswordContext context) {
		return this.zxcvbn.measure(prefix(normalizedPassword), userInputs(context)).getGuesses();
	}

	static String prefix(String password) {
		if (password.codePointCount(0, password.length()) <= MAX_CODE_POINTS) {
			return password;
		}
		return password.substring(0, password.offsetByCodePoints(0, MAX_CODE_POINTS));
	}

	private static List<String> userInputs(PasswordContext context) {
		Set<String> words = new LinkedHashSet<>(SERVICE_WORDS);
		if (context != null && context.email() != null) {
			String email = PersonalWords.lower(context.email());
			int at = email.lastIndexOf('@');
			addWithParts(words, (at >= 0) ? email.substring(0, at) : email, "[._+\\-]+");
		}
		if (context != null && context.displayName() != null) {
			addWithParts(words, PersonalWords.lower(context.displayName()).strip(), "\\s+");
		}
		words.removeIf(String::isBlank);
		return new ArrayList<>(words);
	}

	private static void addWithParts(Set<String> words, String whole, String separators) {
		words.add(whole);
		words.add(whole.replaceAll(separators, ""));
		words.addAll(List.of(whole.split(separators)));
	}

}
