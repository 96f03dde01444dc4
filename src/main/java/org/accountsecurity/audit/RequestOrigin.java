package org.accountsecurity.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, as audit events record it: client address (after Spring's
 * forwarded-header handling, so only a trusted proxy can set it), user agent, the
 * service's own request id and, apart from it, the id a client sent as
 * {@code X-Request-Id}: never the chain's request id, since any client may reuse one.
 */
public record RequestOrigin(String clientAddress, String userAgent, String requestId, String clientRequestId) {

	/** The request attribute under which the request-id filter leaves the id. */
	public static final String REQUEST_ID_ATTRIBUTE = RequestOrigin.class.getName() + ".requestId";

	/** The request attribute with the client's own well-formed {@code X-Request-Id}. */
	public static final String CLIENT_REQUEST_ID_ATTRIBUTE = RequestOrigin.class.getName() + ".clientRequestId";

	/** For work the service starts itself (scheduled jobs, the mail worker). */
	public static final RequestOrigin SYSTEM = new RequestOrigin(null, null, null);

	public RequestOrigin(String clientAddress, String userAgent, String requestId) {
		this(clientAddress, userAgent, requestId, null);
	}

	public static RequestOrigin of(HttpServletRequest request) {
		return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"),
				attribute(request, REQUEST_ID_ATTRIBUTE), attribute(request, CLIENT_REQUEST_ID_ATTRIBUTE));
	}

	private static String attribute(HttpServletRequest request, String name) {
		Object value = request.getAttribute(name);
		return value == null ? null : value.toString();
	}

}
