package org.accountsecurity.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Judges a new password (docs/security.md, Decisions and section C): length in code
 * points after NFKC, not common or breached, not easy to guess (zxcvbn's estimate above a
 * floor), nothing personal, confirmed, not recently used, and no composition rules. Every
 * path that sets a password asks this one policy.
 */
@Component
public class PasswordPolicy {

	// Compared with spaces removed, so "Account Security" and "accountsecurity" are both
	// refused.
	private static final String SERVICE_NAME = "accountsecurity";

	// NFKC composes at most a few UTF-16 units into one code point, so input this long
	// can't fit the maximum.
	private static final int UNITS_PER_CODE_POINT_BOUND = 4;

	private final PasswordProperties properties;

	private final PasswordHasher hasher;

	private final BreachedPasswords breachedPasswords;

	private final GuessEstimate guessEstimate;

	private final CompromisedPasswords compromisedPasswords;

	public PasswordPolicy(PasswordProperties properties, PasswordHasher hasher, BreachedPasswords breachedPasswords,
			GuessEstimate guessEstimate, CompromisedPasswords compromisedPasswords) {
		this.properties = properties;
		this.hasher = hasher;
		this.breachedPasswords = breachedPasswords;
		this.guessEstimate = guessEstimate;
		this.compromisedPasswords = compromisedPasswords;
	}

	/**
	 * Lists every reason the password can't be used. A password over the maximum gets
	 * only {@code too-long}, found before any other work, so huge input never reaches
	 * normalisation of the rest, the list or BCrypt.
	 * @param password the new password as typed, may be {@code null}
	 * @param confirmation the same password typed again, may be {@code null}
	 * @param context personal words and recent hashes, may be {@code null}
	 * @return the violations, empty when the password is fine; never throws
	 */
	public List<PolicyViolation> check(String password, String confirmation, PasswordContext context) {
		int max = this.properties.maxLength();
		if (password != null && password.length() > (long) max * UNITS_PER_CODE_POINT_BOUND) {
			return List.of(PolicyViolation.of(PolicyViolation.TOO_LONG, max));
		}
		String normalized = (password != null) ? Nfkc.normalize(password) : "";
		int length = normalized.codePointCount(0, normalized.length());
		if (length > max) {
			return List.of(PolicyViolation.of(PolicyViolation.TOO_LONG, max));
		}
		List<PolicyViolation> violations = new ArrayList<>();
		if (normalized.isBlank()) {
			violations.add(PolicyViolation.of(PolicyViolation.BLANK));
		}
		else {
			checkContent(normalized, length, context, violations);
		}
		if (!normalized.equals(normalizeConfirmation(confirmation))) {
			violations.add(PolicyViolation.of(PolicyViolation.MISMATCH));
		}
		// The breach check (a network call) and BCrypt run last and only for an otherwise
		// acceptable password: they are the expensive steps.
		if (violations.isEmpty() && this.compromisedPasswords.contains(normalized)) {
			violations.add(PolicyViolation.of(PolicyViolation.BREACHED));
		}
		if (violations.isEmpty() && isRecentlyUsed(normalized, context)) {
			violations.add(PolicyViolation.of(PolicyViolation.REUSED));
		}
		return List.copyOf(violations);
	}

	/**
	 * The policy's numbers, for stating the rules on a form.
	 * @return minimum and maximum length and the history depth
	 */
	public PasswordRules rules() {
		return new PasswordRules(this.properties.minLength(), this.properties.maxLength(), this.properties.history());
	}

	private void checkContent(String normalized, int length, PasswordContext context,
			List<PolicyViolation> violations) {
		if (length < this.properties.minLength()) {
			violations.add(PolicyViolation.of(PolicyViolation.TOO_SHORT, this.properties.minLength()));
		}
		String lower = PersonalWords.lower(normalized);
		if (this.breachedPasswords.contains(normalized) || lower.replaceAll("\\s+", "").equals(SERVICE_NAME)) {
			violations.add(PolicyViolation.of(PolicyViolation.COMMON));
		}
		if (context != null && PersonalWords.containsEmailLocalPart(lower, context.email())) {
			violations.add(PolicyViolation.of(PolicyViolation.CONTAINS_EMAIL));
		}
		if (context != null && PersonalWords.containsName(lower, context.displayName())) {
			violations.add(PolicyViolation.of(PolicyViolation.CONTAINS_NAME));
		}
		// Only when no rule above has already said why: one reason is enough, and zxcvbn
		// is the costlier check.
		if (violations.isEmpty() && isEasyToGuess(normalized, context)) {
			violations.add(PolicyViolation.of(PolicyViolation.EASY_TO_GUESS));
		}
	}

	private boolean isEasyToGuess(String normalized, PasswordContext context) {
		double floor = this.properties.minGuesses();
		return floor > 0 && this.guessEstimate.guesses(normalized, context) < floor;
	}

	private String normalizeConfirmation(String confirmation) {
		if (confirmation == null) {
			return "";
		}
		if (confirmation.length() > (long) this.properties.maxLength() * UNITS_PER_CODE_POINT_BOUND) {
			return null;
		}
		return Nfkc.normalize(confirmation);
	}

	private boolean isRecentlyUsed(String normalized, PasswordContext context) {
		if (this.properties.history() == 0 || context == null || context.recentPasswordHashes() == null) {
			return false;
		}
		return context.recentPasswordHashes()
			.stream()
			.limit(this.properties.history())
			.filter(Objects::nonNull)
			.anyMatch((stored) -> this.hasher.matches(normalized, stored));
	}

}
