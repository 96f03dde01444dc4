package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page is rendered for errors only: asked for directly it is an unknown path.
 */
class ErrorPageIntegrationTests extends IntegrationTest {

	@Test
	void errorAskedForDirectlyIsA404PageLikeAnyUnknownPath() {
		WebClient signedIn = new WebClient(SERVER_PORT);
		signedIn.signIn("ada@example.com", "silver maple river 42");
		HttpResponse<String> unknown = signedIn.get("/no-such-page");
		HttpResponse<String> error = signedIn.get("/error");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("This page does not exist.");
		assertThat(error.body()).contains("This page does not exist.");
	}

	@Test
	void errorAskedForDirectlyByAnyoneIsA404PageInTheirLanguage() {
		WebClient anonymous = new WebClient(SERVER_PORT);
		HttpResponse<String> error = anonymous.get("/error");
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.body()).contains("This page does not exist.").doesNotContain("999");
		assertThat(anonymous.get("/error?lang=de").body()).contains("Diese Seite gibt es nicht");
	}

	@Test
	void errorAskedForDirectlyByAProgramIsA404Too() throws Exception {
		HttpResponse<String> json = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/error")).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.body()).doesNotContain("999");
	}

}
