package org.accountsecurity.web;

import org.accountsecurity.system.Problems;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 16 KiB with 413 before anything reads them: no form or JSON
 * of this service needs more, and a megabyte password must never reach the parser or
 * BCrypt (OWASP: long-password DoS). Tomcat caps form bodies the same way; this covers
 * JSON and bodies without a length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final long MAX_BODY_BYTES = 16 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
		if (length > MAX_BODY_BYTES || chunked) {
			Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
					"Send at most 16 KiB, with a Content-Length.");
			return;
		}
		chain.doFilter(request, response);
	}

}
