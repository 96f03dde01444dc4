package org.accountsecurity.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a session remembers of the device that signed in, kept in the session itself (so
 * it lives and dies with it): the user agent as audit trims it, its browser and operating
 * system parsed once at sign-in, the client address as {@code app.audit.client-address}
 * stores it, and when the sign-in completed.
 *
 * @param userAgent the trimmed user agent, or null
 * @param browser the browser's family and major version, e.g. {@code Firefox 128}, or
 * null when unknown
 * @param os the operating system's family and major version, e.g. {@code Windows 10}, or
 * null when unknown
 * @param clientAddress the client address as stored for audit, or null
 * @param signedInAt when the sign-in completed
 */
public record SessionDevice(String userAgent, String browser, String os, String clientAddress,
		Instant signedInAt) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The session attribute that holds it. */
	public static final String ATTRIBUTE = SessionDevice.class.getName();

}
