package org.accountsecurity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountLockedDown;
import org.accountsecurity.account.SignInThrottled;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page: {@code ?error} for every wrong address or password alike,
 * {@code ?throttled} when the throttle refused the attempt before any check,
 * {@code ?locked} when the password was right but its holder locked the account down.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String answer = ex instanceof SignInThrottled ? "/login?throttled"
				: ex instanceof AccountLockedDown ? "/login?locked" : "/login?error";
		response.sendRedirect(request.getContextPath() + answer);
	}

}
