package org.accountsecurity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.secondfactor.SecondSignIn;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic proves a password only: for an account with a second factor it must not sign
 * in, or Basic would bypass the second step. Runs after Basic authentication and leaves
 * such a request anonymous, so it gets the usual 401 or sign-in redirect.
 */
final class SingleFactorBasicFilter extends OncePerRequestFilter {

	private final SecondSignIn secondSignIn;

	SingleFactorBasicFilter(SecondSignIn secondSignIn) {
		this.secondSignIn = secondSignIn;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof AccountUser user
					&& secondSignIn.required(user.accountId())) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
