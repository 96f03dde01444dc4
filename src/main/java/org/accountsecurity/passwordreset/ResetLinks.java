package org.accountsecurity.passwordreset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.accountsecurity.account.Language;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the links in e-mails from {@code app.public-base-url} only, never from a
 * request's Host header.
 */
@Component
class ResetLinks {

	private final String base;

	ResetLinks(@Value("${app.public-base-url}") String publicBaseUrl) {
		this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	// The language rides along so that the pages behind the link speak the account's
	// language.
	String reset(String token, Language language) {
		return base + "/password/reset?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII) + "&lang="
				+ language.code();
	}

	String cancel(String token, Language language) {
		return base + "/password/reset/cancel?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII) + "&lang="
				+ language.code();
	}

	String forgot(Language language) {
		return base + "/password/forgot?lang=" + language.code();
	}

	String signIn(Language language) {
		return base + "/login?lang=" + language.code();
	}

}
