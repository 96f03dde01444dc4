package org.accountsecurity.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.device.UserAgents;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.Sanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers in a session which device signed in ({@link SessionDevice}), for the list of
 * sessions on Account details. Every interactive sign-in (the password form; a passkey
 * sign-in through Spring Security's filters too) records it when Spring Security
 * announces it; a sign-in that completes elsewhere (the second step) calls
 * {@link #recordSignIn} itself, after the session got its new id.
 */
@Component
public class SessionDevices {

	private static final Logger log = LoggerFactory.getLogger(SessionDevices.class);

	private final UserAgents userAgents;

	private final ClientAddresses clientAddresses;

	private final PrincipalIndex index;

	private final Clock clock;

	SessionDevices(UserAgents userAgents, ClientAddresses clientAddresses, PrincipalIndex index, Clock clock) {
		this.userAgents = userAgents;
		this.clientAddresses = clientAddresses;
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Stores the device of {@code request} in {@code session}, signed in now. Call it
	 * once the session holds the signed-in account under its final id.
	 */
	public void recordSignIn(HttpSession session, HttpServletRequest request) {
		String userAgent = Sanitizer.clean(request.getHeader("User-Agent"), UserAgents.MAX_LENGTH);
		UserAgents.Described described = userAgents.describe(userAgent);
		session.setAttribute(SessionDevice.ATTRIBUTE, new SessionDevice(userAgent, described.browser(), described.os(),
				clientAddresses.storable(request.getRemoteAddr()), clock.instant()));
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof AccountUser user)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		try {
			HttpServletRequest request = attributes.getRequest();
			recordSignIn(request.getSession(), request);
			index.bound(user.accountId());
		}
		catch (RuntimeException ex) {
			// The list shows such a session as an unknown device: never fail a sign-in
			// over it.
			log.warn("Could not record the device of a sign-in: {}", ex.getClass().getSimpleName());
		}
	}

}
