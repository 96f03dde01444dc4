package org.accountsecurity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Where an anonymous visitor was going, kept in a cookie (a relative path only, which
 * Spring Security checks when it reads it), not in a session: anonymous requests for
 * protected pages then store nothing in Redis. Only GETs are kept; the cookie is
 * HttpOnly, SameSite=Lax, and Secure over HTTPS.
 */
final class PageRequestCache extends CookieRequestCache {

	PageRequestCache(boolean https) {
		setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()));
		setCookieCustomizer(cookie -> {
			cookie.setAttribute("SameSite", "Lax");
			cookie.setSecure(https || cookie.getSecure());
		});
	}

	/**
	 * Forgets the saved request once its page is reached, without replaying it: the
	 * cookie keeps no headers, so a replay would hide the request's Accept header (an
	 * anonymous browser then got HTTP Basic's 401 instead of the sign-in page) and its
	 * cookies. A GET's URL already says all the saved request would.
	 */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		super.getMatchingRequest(request, response);
		return null;
	}

}
