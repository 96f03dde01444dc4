package org.accountsecurity.bench;

import java.io.IOException;
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
		return remember(http.post(path, cookie(), "application/x-www-form-urlencoded",
				Requests.formBody(csrf, fields), true));
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

	@Override
	public void close() {
		http.close();
	}

}
