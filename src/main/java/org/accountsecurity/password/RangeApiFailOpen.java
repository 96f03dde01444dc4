package org.accountsecurity.password;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns every failure of a range API call (no connection, a timeout, an error status, an
 * oversized answer) into an empty answer, that is "not known from a breach", and logs one
 * WARN that names neither the password nor its hash prefix. The body is read here, under
 * the read timeout, so that a stalled answer fails open too, and Spring Security's
 * checker never logs the request URL.
 */
final class RangeApiFailOpen implements ClientHttpRequestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RangeApiFailOpen.class);

	// A padded answer has about 1,000 lines of 40 bytes; anything far larger is not one.
	private static final int MAX_BODY_BYTES = 1024 * 1024;

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
		try (ClientHttpResponse response = execution.execute(request, body)) {
			HttpStatusCode status = response.getStatusCode();
			if (!status.is2xxSuccessful()) {
				return failedOpen("the range API answered " + status.value());
			}
			byte[] answer = response.getBody().readNBytes(MAX_BODY_BYTES + 1);
			if (answer.length > MAX_BODY_BYTES) {
				return failedOpen("the range API's answer was too large");
			}
			HttpHeaders headers = new HttpHeaders();
			if (response.getHeaders().getContentType() != null) {
				headers.setContentType(response.getHeaders().getContentType());
			}
			return new Buffered(answer, headers);
		}
		catch (IOException ex) {
			return failedOpen("no answer from the range API in time (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static ClientHttpResponse failedOpen(String why) {
		log.warn("Breach check skipped: {}; the password was let through (fail-open)", why);
		return new Buffered(new byte[0], new HttpHeaders());
	}

	private record Buffered(byte[] body, HttpHeaders headers) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return HttpStatus.OK.getReasonPhrase();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
		}

	}

}
