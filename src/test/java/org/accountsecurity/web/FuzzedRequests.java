package org.accountsecurity.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Turns a fuzzer's bytes into one HTTP request: a route (sometimes with another method),
 * path variables, query parameters, headers, a content type and a body that is a form,
 * JSON built from the fields the service knows, or raw bytes.
 */
final class FuzzedRequests {

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" };

	private static final String[] FIELDS = { "email", "password", "confirmPassword", "currentPassword", "newPassword",
			"code", "token", "displayName", "language", "newEmail", "confirmEmail", "from", "to", "type", "outcome",
			"page", "size", "format", "lang", "username", "remember-me", "_csrf", "id", "account", "signedOut" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/x-www-form-urlencoded",
			"application/json;charset=UTF-8", "application/x-www-form-urlencoded;charset=ISO-8859-1", "text/plain",
			"application/xml", "multipart/form-data; boundary=x", "application/problem+json", "*/*",
			"application/json;charset=UTF-16", "application/json;charset=nonsense" };

	private static final String[] ACCEPTS = { "text/html", "application/json", "*/*", "application/problem+json",
			"text/csv", "application/xml", "image/png", "text/html;q=0.1,application/json" };

	private static final String[] JSON_VALUES = { "null", "true", "1e999", "-0", "[]", "{}", "[\"a\",\"b\"]",
			"{\"a\":{\"b\":{\"c\":[1,2,3]}}}", "\"\\u0000\"", "\"\\ud800\"", "123456789012345678901234567890" };

	private final List<String> routes;

	private final FuzzIdentities identities;

	FuzzedRequests(List<String> routes, FuzzIdentities identities) {
		this.routes = routes;
		this.identities = identities;
	}

	Fuzzed next(FuzzedDataProvider data) {
		String route = routes.get(data.consumeInt(0, routes.size() - 1));
		String method = data.consumeInt(0, 9) == 0 ? data.pickValue(METHODS) : route.substring(0, route.indexOf(' '));
		String path = path(route.substring(route.indexOf(' ') + 1), data);
		int who = data.consumeInt(0, 2);
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
				java.net.URI.create(path));
		request.with(identities.as(who)).with(FuzzedRequests::asTomcatMapsIt);
		if (data.consumeInt(0, 7) != 0) {
			request.with(csrf());
		}
		int params = data.consumeInt(0, 4);
		for (int i = 0; i < params; i++) {
			request.queryParam(field(data), data.consumeString(60));
		}
		if (data.consumeBoolean()) {
			request.header("Accept", data.consumeInt(0, 5) == 0 ? data.consumeString(40) : data.pickValue(ACCEPTS));
		}
		if (data.consumeInt(0, 3) == 0) {
			request.header("Accept-Language", data.consumeString(30));
		}
		if (data.consumeInt(0, 7) == 0) {
			request.header("Origin", data.consumeBoolean() ? "http://evil.example" : data.consumeString(30));
		}
		String contentType = null;
		if (data.consumeInt(0, 3) != 0) {
			contentType = data.consumeInt(0, 7) == 0 ? data.consumeString(50) : data.pickValue(CONTENT_TYPES);
			request.header("Content-Type", contentType);
		}
		byte[] body = body(data, contentType);
		request.content(body);
		return new Fuzzed(request, method + " " + path + " as " + who + " type " + contentType + " body "
				+ new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8), route);
	}

	/**
	 * The servlet path as Tomcat gives it to the DispatcherServlet mapped to "/": the
	 * whole decoded path (MockMvc leaves it empty, which filters that read it, such as
	 * {@code ErrorPathFilter}, would not see).
	 */
	private static MockHttpServletRequest asTomcatMapsIt(MockHttpServletRequest request) {
		request.setServletPath(UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8));
		request.setPathInfo(null);
		return request;
	}

	private String path(String pattern, FuzzedDataProvider data) {
		Matcher variables = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String value = switch (data.consumeInt(0, 4)) {
				case 0 -> identities.userId();
				case 1 -> identities.operatorId();
				case 2 -> UUID.randomUUID().toString();
				default -> UriUtils.encodePathSegment(data.consumeString(60), StandardCharsets.UTF_8);
			};
			variables.appendReplacement(path, Matcher.quoteReplacement(value.isEmpty() ? "x" : value));
		}
		variables.appendTail(path);
		return path.toString();
	}

	private static byte[] body(FuzzedDataProvider data, String contentType) {
		int kind = data.consumeInt(0, 3);
		if (kind == 0) {
			return new byte[0];
		}
		if (kind == 1) {
			return json(data).getBytes(StandardCharsets.UTF_8);
		}
		if (kind == 2) {
			return form(data).getBytes(StandardCharsets.UTF_8);
		}
		return data.consumeRemainingAsBytes();
	}

	private static String json(FuzzedDataProvider data) {
		StringBuilder json = new StringBuilder("{");
		int fields = data.consumeInt(0, 5);
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(escape(field(data))).append("\":");
			json.append(data.consumeBoolean() ? "\"" + escape(data.consumeString(200)) + "\""
					: data.pickValue(JSON_VALUES));
		}
		return json.append(data.consumeBoolean() ? "}" : data.consumeString(10)).toString();
	}

	private static String form(FuzzedDataProvider data) {
		StringBuilder form = new StringBuilder();
		int fields = data.consumeInt(0, 6);
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				form.append('&');
			}
			String value = data.consumeString(200);
			form.append(field(data))
				.append('=')
				.append(data.consumeBoolean() ? UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8) : value);
		}
		return form.toString();
	}

	private static String field(FuzzedDataProvider data) {
		return data.consumeInt(0, 9) == 0 ? data.consumeString(20) : data.pickValue(FIELDS);
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** A request to send and, for the report of a finding, what it was. */
	record Fuzzed(MockHttpServletRequestBuilder builder, String description, String route) {

		@Override
		public String toString() {
			return description;
		}

	}

}
