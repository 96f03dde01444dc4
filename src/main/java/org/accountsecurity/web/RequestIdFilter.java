package org.accountsecurity.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.audit.RequestOrigin;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its own id, sent back as {@code X-Request-Id} and carried by log
 * lines and audit events, so that one request can be followed across them. A caller's
 * well-formed {@code X-Request-Id} is kept beside it, never in its place: the audit
 * chain's ids must be unique and ours.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = UUID.randomUUID().toString();
		request.setAttribute(RequestOrigin.REQUEST_ID_ATTRIBUTE, id);
		if (given != null && WELL_FORMED.matcher(given).matches()) {
			request.setAttribute(RequestOrigin.CLIENT_REQUEST_ID_ATTRIBUTE, given);
			MDC.put("clientRequestId", given);
		}
		response.setHeader(HEADER, id);
		MDC.put("requestId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
			MDC.remove("clientRequestId");
		}
	}

}
