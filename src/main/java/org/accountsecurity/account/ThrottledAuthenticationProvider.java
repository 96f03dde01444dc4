package org.accountsecurity.account;

import org.accountsecurity.account.SignInThrottle.Reservation;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refuses sign-in attempts over the throttle before any password is checked; each attempt
 * takes its place in the throttle first and gives it back when it succeeds.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Reservation attempt = throttle.reserve(String.valueOf(authentication.getName()), clientAddress());
		// A wrong password (or any other failure) keeps its place until the window ends.
		Authentication result = delegate.authenticate(authentication);
		throttle.succeeded(attempt);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

}
