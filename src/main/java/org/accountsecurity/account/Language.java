package org.accountsecurity.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the service speaks; an account has one, pages and e-mails follow it. */
public enum Language {

	EN, DE, PL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Locale locale() {
		return Locale.forLanguageTag(code());
	}

	public static Optional<Language> fromCode(String code) {
		return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
	}

	public static Language of(Locale locale) {
		return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
	}

}
