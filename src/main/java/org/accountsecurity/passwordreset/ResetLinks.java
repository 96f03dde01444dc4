package org.accountsecurity.passwordreset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the links in e-mails from {@code app.public-base-url} only, never from a request's Host header. */
@Component
class ResetLinks {

	private final String base;

	ResetLinks(@Value("${app.public-base-url}") String publicBaseUrl) {
		this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
	}

	String reset(String token) {
		return base + "/password/reset?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
	}

	String cancel(String token) {
		return base + "/password/reset/cancel?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
	}

	String forgot() {
		return base + "/password/forgot";
	}

	String signIn() {
		return base + "/login";
	}

}
