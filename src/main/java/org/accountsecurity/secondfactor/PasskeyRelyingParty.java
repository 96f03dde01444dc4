package org.accountsecurity.secondfactor;

import java.net.URI;
import java.util.Locale;

import org.accountsecurity.system.PublicBaseUrl;

/**
 * The WebAuthn relying party: its id is the host of {@code app.public-base-url}, and the
 * only origin it accepts is that base URL's origin, written as browsers send it in
 * {@code clientDataJSON}: scheme and host in lower case, the port only when it is not the
 * scheme's default, no path.
 *
 * @param id the relying party id (a host name; browsers refuse IP addresses)
 * @param origin the one allowed origin
 */
public record PasskeyRelyingParty(String id, String origin) {

	/** The name authenticators show next to the account. */
	public static final String NAME = "Account Security";

	public static PasskeyRelyingParty of(PublicBaseUrl base) {
		URI uri = URI.create(base.publicBaseUrl());
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
				|| ("http".equals(scheme) && port == 80);
		return new PasskeyRelyingParty(host, scheme + "://" + host + (defaultPort ? "" : ":" + port));
	}

}
