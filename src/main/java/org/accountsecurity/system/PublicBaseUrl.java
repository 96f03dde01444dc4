package org.accountsecurity.system;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.public-base-url}: where users reach the service, and the only base of the
 * links in mails, never a request's Host header. An absolute http(s) URL without query or
 * fragment, kept without a trailing slash. Production needs https
 * ({@link RequiredSettings}).
 */
@ConfigurationProperties("app")
public record PublicBaseUrl(String publicBaseUrl) {

	static final String SETTING = "app.public-base-url";

	public PublicBaseUrl {
		if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
			throw new InvalidSetting(SETTING, "is not set: give the URL users reach the service at");
		}
		URI uri;
		try {
			uri = URI.create(publicBaseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSetting(SETTING, "is not a URL");
		}
		if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidSetting(SETTING, "must be an absolute http(s) URL without query or fragment");
		}
		publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	public boolean isHttps() {
		return publicBaseUrl.startsWith("https://");
	}

	boolean isLoopback() {
		String host = URI.create(publicBaseUrl).getHost();
		return "localhost".equals(host) || "127.0.0.1".equals(host);
	}

	/**
	 * {@code {base}{path}?name=value&…} with every name and value URL-encoded;
	 * {@code namesAndValues} alternate, a name then its value.
	 */
	public String link(String path, String... namesAndValues) {
		if (!path.startsWith("/") || namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("A link needs a path from '/' and a value for each parameter name");
		}
		StringBuilder link = new StringBuilder(publicBaseUrl).append(path);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			link.append(i == 0 ? '?' : '&')
				.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return link.toString();
	}

}
