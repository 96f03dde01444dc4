package org.accountsecurity.account;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.SignInThrottle.Reservation;
import org.accountsecurity.device.DeviceCookies;
import org.accountsecurity.requester.EmailAddress;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refuses sign-in attempts over the throttle before any password is checked; each attempt
 * takes its place in the throttle first (in the device's own bucket when the browser has
 * a valid device cookie of the typed account) and gives it back when it succeeds. A
 * proven password of a locked-down account is refused then, and only then.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	private final DeviceCookies devices;

	private final Accounts accounts;

	private final SignInGate gate;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, DeviceCookies devices,
			Accounts accounts, SignInGate gate) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.devices = devices;
		this.accounts = accounts;
		this.gate = gate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String typed = String.valueOf(authentication.getName());
		HttpServletRequest request = request();
		Reservation attempt = throttle.reserve(typed, request == null ? null : request.getRemoteAddr(),
				knownDevice(request, typed));
		// A wrong password (or any other failure) keeps its place until the window ends.
		Authentication result = delegate.authenticate(authentication);
		throttle.succeeded(attempt);
		if (result.getPrincipal() instanceof AccountUser user) {
			gate.requireOpen(user.accountId());
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	// Looks the account up only for a browser with a valid device cookie: others pay
	// nothing more.
	private String knownDevice(HttpServletRequest request, String typed) {
		return devices.read(request)
			.flatMap(cookie -> EmailAddress.parse(typed)
				.flatMap(accounts::findByEmail)
				.filter(account -> cookie.names(account.id()))
				.map(account -> account.id() + ":" + cookie.deviceId()))
			.orElse(null);
	}

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
