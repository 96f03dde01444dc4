package org.accountsecurity.securityevents;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.accountsecurity.securityevents.EventEncoder.Encoded;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * POSTs one encoded event with timeouts on connect and on the answer, following no
 * redirect. A 2xx answer is delivery (RFC 8935 asks for 202; webhooks use any 2xx);
 * anything else, or no answer, is a failed attempt described by its status or the
 * exception's name, never by the receiver's body.
 */
@Component
class ReceiverClient {

	private final Duration readTimeout;

	// Made at the first delivery: most instances have no receiver, and building a client
	// (its selector thread, TLS context) costs start-up time.
	private final SingletonSupplier<HttpClient> http;

	ReceiverClient(EventsProperties properties) {
		this.readTimeout = properties.readTimeout();
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build());
	}

	/** Null when delivered, else what went wrong. */
	String send(URI url, Encoded request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(url)
			.timeout(readTimeout)
			.header("Content-Type", request.contentType())
			.header("User-Agent", "account-security-events")
			.POST(HttpRequest.BodyPublishers.ofString(request.body()));
		request.headers().forEach(builder::header);
		try {
			int status = http.obtain().send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300 ? null : "status " + status;
		}
		catch (IOException ex) {
			return ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
