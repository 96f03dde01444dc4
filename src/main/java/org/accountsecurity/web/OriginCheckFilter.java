package org.accountsecurity.web;

import org.accountsecurity.system.Problems;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's CSRF defence besides JSON-only bodies and SameSite cookies: a state-changing
 * request that names an Origin other than the service's own is refused (ASVS 5 3.5.1).
 * Requests without Origin come from programs, not from a browser tricked by another site.
 */
class OriginCheckFilter extends OncePerRequestFilter {

	private final String ownOrigin;

	OriginCheckFilter(String publicBaseUrl) {
		URI base = URI.create(publicBaseUrl);
		this.ownOrigin = base.getScheme() + "://" + base.getRawAuthority();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader("Origin");
		boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!safe && origin != null && !origin.equals(ownOrigin)) {
			Problems.write(response, HttpStatus.FORBIDDEN, "cross-origin", "Cross-origin request refused",
					"This API accepts state-changing requests only from its own origin or from programs.");
			return;
		}
		chain.doFilter(request, response);
	}

}
