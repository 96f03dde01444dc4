package org.accountsecurity.account;

import java.time.Instant;

/**
 * One active session of an account, as its holder sees it. Never its id: the handle names
 * it for {@code POST /account/sessions/{handle}/revoke}.
 *
 * @param handle opaque and stable for the session's life (an HMAC of its id); not a
 * secret
 * @param browser browser family and major version, or null when unknown
 * @param os operating system family and major version, or null when unknown
 * @param clientAddress the client address as stored for audit, or null
 * @param signedInAt when it signed in
 * @param lastSeenAt its last request (Spring Session's last access time)
 * @param current whether it is the session asking
 */
public record ActiveSession(String handle, String browser, String os, String clientAddress, Instant signedInAt,
		Instant lastSeenAt, boolean current) {
}
