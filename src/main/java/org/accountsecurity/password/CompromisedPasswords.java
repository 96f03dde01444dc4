package org.accountsecurity.password;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.web.authentication.password.HaveIBeenPwnedRestApiPasswordChecker;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The optional breach check: asks Have I Been Pwned's range API, through Spring
 * Security's {@link HaveIBeenPwnedRestApiPasswordChecker}, whether a password has
 * appeared in a breach. Only the first five hex digits of its SHA-1 leave the service
 * (k-anonymity). Fail-open by design: when the API is down, slow or answers an error, the
 * password is let through and a WARN without the password is logged, so an outage of a
 * third party never stops people from resetting their password.
 */
@Component
public class CompromisedPasswords {

	private static final Logger log = LoggerFactory.getLogger(CompromisedPasswords.class);

	private final CompromisedPasswordChecker checker;

	/**
	 * Builds the check the settings ask for.
	 * @param properties {@code app.password.breach-check*}
	 */
	@Autowired
	public CompromisedPasswords(BreachCheckProperties properties) {
		this((properties.breachCheck() == BreachCheckProperties.Mode.HIBP) ? hibp(properties) : null);
	}

	CompromisedPasswords(CompromisedPasswordChecker checker) {
		this.checker = checker;
	}

	/**
	 * Tells whether the password is known from a breach.
	 * @param normalizedPassword the NFKC-normalised password
	 * @return {@code true} only on a positive answer; {@code false} when the check is off
	 * or could not be made
	 */
	public boolean contains(String normalizedPassword) {
		if (this.checker == null) {
			return false;
		}
		try {
			return this.checker.check(normalizedPassword).isCompromised();
		}
		catch (RuntimeException ex) {
			// The exception's message may carry the URL and with it the hash prefix: only
			// its type is logged.
			log.warn("Breach check failed ({}); the password was let through", ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * Whether a breach check runs at all.
	 * @return {@code false} when {@code app.password.breach-check} is {@code off}
	 */
	public boolean isEnabled() {
		return this.checker != null;
	}

	private static CompromisedPasswordChecker hibp(BreachCheckProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.breachCheckTimeout());
		requests.setReadTimeout(properties.breachCheckTimeout());
		RestClient client = RestClient.builder()
			.baseUrl(withTrailingSlash(properties.breachCheckUrl()))
			.requestFactory(requests)
			// Padding makes every answer about the same size, so its length tells an
			// observer of the traffic nothing about the prefix.
			.defaultHeader("Add-Padding", "true")
			.requestInterceptor(new RangeApiFailOpen())
			.build();
		HaveIBeenPwnedRestApiPasswordChecker checker = new HaveIBeenPwnedRestApiPasswordChecker();
		checker.setRestClient(client);
		return checker;
	}

	private static String withTrailingSlash(URI url) {
		String base = url.toString();
		return base.endsWith("/") ? base : base + "/";
	}

}
