package org.accountsecurity.device;

import ua_parser.Client;
import ua_parser.Parser;

/**
 * A user agent in words, such as {@code Firefox 121 on Windows 10}; what it cannot name
 * stays {@code Other}. Only the first 512 characters are read.
 */
public final class UserAgents {

	private static final int MAX_LENGTH = 512;

	private final Parser parser;

	UserAgents(Parser parser) {
		this.parser = parser;
	}

	/** Browser and operating system of {@code userAgent}; null when there is none. */
	public String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		Client client = parser.parse(userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH) : userAgent);
		return name(client.userAgent.family, client.userAgent.major) + " / " + name(client.os.family, client.os.major);
	}

	private static String name(String family, String major) {
		String name = family == null ? "Other" : family;
		return major == null || major.isEmpty() ? name : name + " " + major;
	}

}
