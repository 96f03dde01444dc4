package org.accountsecurity.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The subject a client address is limited under: an IPv4 address as it is, an IPv6
 * address by its /64. A /64 is the smallest block a subscriber or cloud host is given
 * (RFC 6177), so rotating addresses inside it earns no fresh limit.
 */
public final class ClientKey {

	// Hex digits, colons and dots only, starting with a hex digit or a colon: the JDK
	// then
	// parses it as a literal (or fails) and never asks DNS.
	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private ClientKey() {
	}

	/**
	 * The limit key of {@code address} as the request reports it (may be null).
	 */
	public static String of(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		String literal = bare(address.strip());
		if (literal.indexOf(':') < 0 || !IPV6_LITERAL.matcher(literal).matches()) {
			return address;
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
		if (bytes.length == 4) {
			// An IPv4-mapped address (::ffff:192.0.2.1) is that IPv4 client.
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
		}
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	private static String bare(String address) {
		String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		int zone = bare.indexOf('%');
		return zone < 0 ? bare : bare.substring(0, zone);
	}

}
