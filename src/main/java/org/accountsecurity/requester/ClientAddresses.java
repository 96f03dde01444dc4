package org.accountsecurity.requester;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.accountsecurity.requester.RequesterProperties.ClientAddressMode;

import org.springframework.stereotype.Component;

/**
 * Turns a client address into what may be stored, per {@code app.audit.client-address}.
 */
@Component
public class ClientAddresses {

	private final ClientAddressMode mode;

	private final Pseudonyms pseudonyms;

	ClientAddresses(RequesterProperties properties, Pseudonyms pseudonyms) {
		this.mode = properties.clientAddress();
		this.pseudonyms = pseudonyms;
	}

	public String storable(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		return switch (mode) {
			case FULL -> Sanitizer.clean(address, 100);
			case HASH -> pseudonyms.ofClientAddress(address);
			case TRUNCATE -> truncate(address);
		};
	}

	private static String truncate(String address) {
		// Only literal addresses: getByName on anything else would resolve a name over
		// DNS.
		if (!address.matches("[0-9a-fA-F:.%]+")) {
			return null;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int keep = bytes.length == 4 ? 3 : 6;
			for (int i = keep; i < bytes.length; i++) {
				bytes[i] = 0;
			}
			String network = InetAddress.getByAddress(bytes).getHostAddress();
			return bytes.length == 4 ? network + "/24" : compress(network) + "/48";
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String compress(String ipv6) {
		return ipv6.replaceFirst("(^|:)(0(:|$)){2,8}", "::").replaceFirst(":::", "::");
	}

}
