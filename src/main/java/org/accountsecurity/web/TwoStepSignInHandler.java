package org.accountsecurity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.lockdown.NewDeviceAlerts;
import org.accountsecurity.secondfactor.SecondSignIn;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After a proven password: an account without a second factor goes where it was going (or
 * to Account details); one with a factor loses the authentication form login just stored,
 * keeps only a pending state and goes to {@code /login/second-factor}. Both answers are
 * redirects written only after the password check, so the password step answers alike
 * until the password is proven. A sign-in complete here (no second step) sets the device
 * cookie, and a browser new to the account leads to a new-device alert.
 */
final class TwoStepSignInHandler implements AuthenticationSuccessHandler {

	private final SecondSignIn secondSignIn;

	private final NewDeviceAlerts alerts;

	private final SavedRequestAwareAuthenticationSuccessHandler plain = new SavedRequestAwareAuthenticationSuccessHandler();

	TwoStepSignInHandler(SecondSignIn secondSignIn, NewDeviceAlerts alerts, RequestCache requestCache) {
		this.secondSignIn = secondSignIn;
		this.alerts = alerts;
		this.plain.setDefaultTargetUrl("/account");
		this.plain.setRequestCache(requestCache);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!(authentication.getPrincipal() instanceof AccountUser user) || !secondSignIn.required(user.accountId())) {
			if (authentication.getPrincipal() instanceof AccountUser user) {
				alerts.signedIn(request, response, user);
			}
			plain.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		// Spring Session writes attributes when the request ends: the authentication set
		// and removed here never reaches Redis.
		SecurityContextHolder.clearContext();
		request.removeAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
		HttpSession session = request.getSession();
		session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		secondSignIn.begin(session, user);
		response.sendRedirect(request.getContextPath() + "/login/second-factor");
	}

}
