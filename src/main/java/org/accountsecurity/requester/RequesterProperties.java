package org.accountsecurity.requester;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of a requester the service keeps (under {@code app.audit}, where operators
 * look for them): how client addresses are stored, and the key of the keyed hashes (of
 * typed addresses that matched no account, and of client addresses in {@code hash} mode).
 * Without a key, one is derived from the oldest reset signing key.
 */
@ConfigurationProperties("app.audit")
@Validated
public record RequesterProperties(@DefaultValue("truncate") @NotNull ClientAddressMode clientAddress,
		String pseudonymKey) {

	/**
	 * How client addresses are kept: IPv4 /24 and IPv6 /48, a keyed hash, or as they are.
	 */
	public enum ClientAddressMode {

		TRUNCATE, HASH, FULL

	}

}
