package org.accountsecurity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.SignInThrottled;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page: {@code ?error} for every wrong address or password alike,
 * {@code ?throttled} when the throttle refused the attempt before any check.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		boolean throttled = ex instanceof SignInThrottled;
		response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
	}

}
