package org.accountsecurity.device;

import java.util.function.Supplier;

import ua_parser.Client;
import ua_parser.Parser;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Browser and operating system of a user agent, with uap-java's rules. Building the
 * parser compiles some hundreds of patterns (about a second): one instance serves every
 * thread, built at its first use rather than at start-up.
 */
@Component
public final class UserAgents {

	/** Longer user agents are cut before parsing, as audit stores them. */
	public static final int MAX_LENGTH = 200;

	private final Supplier<Parser> parser = SingletonSupplier.of(Parser::new);

	public Described describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new Described(null, null);
		}
		Client client = parser.get()
			.parse(userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH) : userAgent);
		return new Described(name(client.userAgent.family, client.userAgent.major),
				name(client.os.family, client.os.major));
	}

	private static String name(String family, String major) {
		if (family == null || family.isBlank() || "Other".equals(family)) {
			return null;
		}
		return major == null || major.isBlank() ? family : family + " " + major;
	}

	/** A browser and an operating system; either may be null (unknown). */
	public record Described(String browser, String os) {

		/** Such as {@code Firefox 128 / Windows 10}; null when neither is known. */
		public String inWords() {
			if (browser == null && os == null) {
				return null;
			}
			return (browser == null ? "?" : browser) + " / " + (os == null ? "?" : os);
		}

	}

}
