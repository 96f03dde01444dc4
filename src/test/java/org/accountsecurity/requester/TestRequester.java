package org.accountsecurity.requester;

import java.util.List;

import org.accountsecurity.requester.RequesterProperties.ClientAddressMode;

/**
 * Pseudonyms and storable client addresses as the defaults configure them (truncated
 * addresses, a key derived from the signing key), for tests without Spring.
 */
public final class TestRequester {

	private TestRequester() {
	}

	public static Pseudonyms pseudonyms(String signingKey) {
		return new Pseudonyms(properties(), List.of(signingKey));
	}

	public static ClientAddresses clientAddresses(Pseudonyms pseudonyms) {
		return new ClientAddresses(properties(), pseudonyms);
	}

	private static RequesterProperties properties() {
		return new RequesterProperties(ClientAddressMode.TRUNCATE, null);
	}

}
