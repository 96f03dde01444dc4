package org.accountsecurity.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that names no media type at all (empty, or only commas) is
 * treated as absent, as Spring MVC's content negotiation already reads it. Spring Boot's
 * actuator reads it as accepting nothing and fails with a 500 on
 * {@code /actuator/prometheus} (found by {@code EndpointFuzzIntegrationTests}).
 */
@Component
class EmptyAcceptFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(namesNoMediaType(request) ? new WithoutAccept(request) : request, response);
	}

	private static boolean namesNoMediaType(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		for (String value : Collections.list(values)) {
			if (!MimeTypeUtils.tokenize(value).stream().allMatch(String::isBlank)) {
				return false;
			}
		}
		return true;
	}

	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(HttpHeaders.ACCEPT::equalsIgnoreCase);
			return Collections.enumeration(names);
		}

	}

}
