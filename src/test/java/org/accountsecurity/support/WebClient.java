package org.accountsecurity.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests: keeps cookies, does not follow redirects, and
 * reads the CSRF token from the last page it loaded, as a person's browser would.
 */
public final class WebClient {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final String userAgent;

	private final CookieManager cookies = new CookieManager();

	private String csrf;

	public WebClient(int port) {
		this(port, null);
	}

	/** A client that sends {@code userAgent} as its User-Agent on get and post. */
	public WebClient(int port, String userAgent) {
		this.base = "http://localhost:" + port;
		this.userAgent = userAgent;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) {
		return send(browser(HttpRequest.newBuilder(URI.create(base + path))).header("Accept", BROWSER_ACCEPT)
			.GET()
			.build());
	}

	/** POSTs a form with the CSRF token of the last page loaded. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		String body = all.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(browser(HttpRequest.newBuilder(URI.create(base + path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Opens the sign-in page and signs in; returns the answer to the POST. */
	public HttpResponse<String> signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("username", email, "password", password));
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder browser(HttpRequest.Builder request) {
		return userAgent == null ? request : request.header("User-Agent", userAgent);
	}

	/** The value of this browser's cookie {@code name}; null when it has none. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElse(null);
	}

	/**
	 * Gives this browser cookie {@code name} (for the whole site), as if the service had.
	 */
	public void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setDomain(URI.create(base).getHost());
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(base + "/"), cookie);
	}

	public String base() {
		return base;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
