package org.accountsecurity.device;

import java.util.List;
import java.util.UUID;

/**
 * What a valid device cookie says: an opaque id of the browser and the accounts that
 * completed a sign-in in it, the most recent first.
 */
public record DeviceCookie(String deviceId, List<UUID> accounts) {

	public DeviceCookie {
		accounts = List.copyOf(accounts);
	}

	public boolean names(UUID accountId) {
		return accounts.contains(accountId);
	}

}
