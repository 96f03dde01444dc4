package org.accountsecurity.account.emailchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.accountsecurity.account.Language;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the links in e-mail-change mails from {@code app.public-base-url} only, never
 * from a Host header.
 */
@Component
class EmailChangeLinks {

	private final String base;

	EmailChangeLinks(@Value("${app.public-base-url}") String publicBaseUrl) {
		this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	// The language rides along so that the confirmation page speaks the account's
	// language without a sign-in.
	String confirm(String token, Language language) {
		return base + "/account/email/confirm?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII) + "&lang="
				+ language.code();
	}

	String forgot(Language language) {
		return base + "/password/forgot?lang=" + language.code();
	}

}
