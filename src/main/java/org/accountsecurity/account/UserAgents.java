package org.accountsecurity.account;

import java.util.function.Supplier;

import ua_parser.Client;
import ua_parser.Parser;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Browser and operating system from a user agent, with uap-java's regular expressions.
 * The parser takes a while to build (it compiles some hundreds of patterns): one instance
 * serves every thread, built at the first sign-in; each session is parsed once, when it
 * signs in ({@link SessionDevices}).
 */
@Component
class UserAgents {

	/** Longer user agents are cut before parsing, as audit stores them. */
	static final int MAX_LENGTH = 200;

	private final Supplier<Parser> parser = SingletonSupplier.of(Parser::new);

	Described describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new Described(null, null);
		}
		Client client = parser.get().parse(userAgent);
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
	record Described(String browser, String os) {
	}

}
