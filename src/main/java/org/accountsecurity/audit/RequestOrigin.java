package org.accountsecurity.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, as audit events record it: client address (after Spring's
 * forwarded-header handling, so only a trusted proxy can set it), user agent and request
 * id.
 */
public record RequestOrigin(String clientAddress, String userAgent, String requestId) {

	/** The request attribute under which the request-id filter leaves the id. */
	public static final String REQUEST_ID_ATTRIBUTE = RequestOrigin.class.getName() + ".requestId";

	/** For work the service starts itself (scheduled jobs, the mail worker). */
	public static final RequestOrigin SYSTEM = new RequestOrigin(null, null, null);

	public static RequestOrigin of(HttpServletRequest request) {
		Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
		return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"),
				id == null ? null : id.toString());
	}

}
