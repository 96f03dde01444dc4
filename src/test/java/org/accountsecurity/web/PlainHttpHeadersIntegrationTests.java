package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.accountsecurity.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an http:// public base URL (local mode, the shared test context) no response
 * carries HSTS, not even one that claims to have come over HTTPS: the claim is not
 * believed without a trusted proxy, and HSTS follows the base URL
 * (TlsProxyIntegrationTests has the https side).
 */
class PlainHttpHeadersIntegrationTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void noResponseCarriesHstsWhenTheBaseUrlIsPlainHttp() throws Exception {
		for (String path : List.of("/login", "/password/forgot", "/api/v1/audit-events", "/css/app.css")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(BASE_URL + path)).header("X-Forwarded-Proto", "https").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
			assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("__Host-"));
		}
	}

}
