package org.accountsecurity.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One soak visitor's browser: a keep-alive connection, a cookie jar (session and CSRF
 * cookies) and the CSRF token of the last page it loaded.
 */
final class SoakSession implements AutoCloseable {

	private final Http http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	SoakSession(int port) {
		this.http = new Http(port, 60_000);
	}

	Http.Response get(String path) throws IOException {
		return remember(http.get(path, cookie(), true));
	}

	/** POSTs a form (name, value, name, value, ...) with the last page's CSRF token. */
	Http.Response post(String path, String... fields) throws IOException {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.append(enc(fields[i])).append('=').append(enc(fields[i + 1])).append('&');
		}
		body.append("_csrf=").append(csrf == null ? "" : enc(csrf));
		return remember(http.post(path, cookie(), "application/x-www-form-urlencoded", body.toString(), true));
	}

	Http.Response postJson(String path, String json) throws IOException {
		return remember(http.post(path, cookie(), "application/json", json, true));
	}

	private Http.Response remember(Http.Response r) {
		if (r.setCookie() != null) {
			for (String pair : r.setCookie().split(";\\s*")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String value = pair.substring(eq + 1);
					if (value.isEmpty()) {
						cookies.remove(pair.substring(0, eq));
					}
					else {
						cookies.put(pair.substring(0, eq), value);
					}
				}
			}
		}
		if (r.body() != null) {
			Matcher m = Requests.CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
		}
		return r;
	}

	private String cookie() {
		if (cookies.isEmpty()) {
			return null;
		}
		StringBuilder c = new StringBuilder();
		cookies.forEach((name, value) -> c.append(c.length() == 0 ? "" : "; ").append(name).append('=').append(value));
		return c.toString();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		http.close();
	}

}
