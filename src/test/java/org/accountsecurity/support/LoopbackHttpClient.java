package org.accountsecurity.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTP/1.1 client that connects from a chosen loopback address (127.0.0.2,
 * 127.0.0.3, …), so that a test can play clients on different addresses; the JDK's
 * HttpClient cannot choose its source address before Java 19. One connection per request,
 * optionally over TLS; it keeps cookies by name and the last page's CSRF form token.
 */
public final class LoopbackHttpClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String from;

	private final int port;

	private final SSLContext tls;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	private LoopbackHttpClient(String from, int port, SSLContext tls) {
		this.from = from;
		this.port = port;
		this.tls = tls;
	}

	/** Speaks HTTPS to 127.0.0.1:{@code port}, trusting what {@code tls} trusts. */
	public static LoopbackHttpClient https(String from, int port, SSLContext tls) {
		return new LoopbackHttpClient(from, port, tls);
	}

	/** Speaks plain HTTP to 127.0.0.1:{@code port}. */
	public static LoopbackHttpClient http(String from, int port) {
		return new LoopbackHttpClient(from, port, null);
	}

	/** Each extra header is {@code "Name: value"}. */
	public RawHttpResponse get(String path, String... headers) throws IOException {
		return exchange("GET", path, null, null, headers);
	}

	public RawHttpResponse post(String path, String contentType, String body, String... headers) throws IOException {
		return exchange("POST", path, contentType, body, headers);
	}

	/** The CSRF token of the last page that carried one. */
	public String csrf() {
		return csrf;
	}

	private RawHttpResponse exchange(String method, String path, String contentType, String body, String... headers)
			throws IOException {
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		request.append("Host: localhost:").append(port).append("\r\nConnection: close\r\nUser-Agent: JUnit\r\n");
		request.append("Accept: text/html,application/json\r\n");
		if (!cookies.isEmpty()) {
			request.append("Cookie: ")
				.append(cookies.entrySet()
					.stream()
					.map(c -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")))
				.append("\r\n");
		}
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		if (body != null) {
			request.append("Content-Type: ").append(contentType).append("\r\n");
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			RawHttpResponse response = RawHttpResponse.read(socket.getInputStream());
			remember(response);
			return response;
		}
	}

	private Socket connect() throws IOException {
		Socket plain = new Socket();
		plain.bind(new InetSocketAddress(from, 0));
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		plain.setSoTimeout(30_000);
		if (tls == null) {
			return plain;
		}
		SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
		var parameters = secure.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		secure.setSSLParameters(parameters);
		secure.startHandshake();
		return secure;
	}

	private void remember(RawHttpResponse response) {
		for (String cookie : response.all("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals).trim();
			String value = pair.substring(equals + 1).trim();
			if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
	}

}
