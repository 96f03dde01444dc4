package org.accountsecurity.web;

import org.accountsecurity.system.Problems;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem, with the Basic challenge so that programs know how to authenticate.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"account-security\"");
		Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"Sign in with an operator's e-mail and password (HTTP Basic) or a session.");
	}

}
