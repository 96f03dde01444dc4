package org.accountsecurity.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.accountsecurity.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void operatorCreatesAnAccount() throws Exception {
		HttpResponse<String> created = create("operator@example.com:audit trail keeper 2026",
				"{\"email\":\"mike@example.org\",\"displayName\":\"Mike\",\"language\":\"de\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"email\":\"mike@example.org\"").doesNotContain("hash");
		assertThat(accounts.findByEmail("MIKE@Example.org")).isPresent();
	}

	@Test
	void lookalikeAddressesNeverFindAnotherAccount() throws Exception {
		create("operator@example.com:audit trail keeper 2026",
				"{\"email\":\"kim@example.org\",\"displayName\":\"Kim\",\"language\":\"en\"}");
		assertThat(accounts.findByEmail("kım@example.org")).isEmpty(); // dotless i
		assertThat(accounts.findByEmail("KİM@example.org")).isEmpty(); // dotted capital I
		assertThat(accounts.findByEmail(" Kim@EXAMPLE.org ".strip())).isPresent();
	}

	@Test
	void anEquivalentAddressIsAConflict() throws Exception {
		create("operator@example.com:audit trail keeper 2026",
				"{\"email\":\"lena@example.org\",\"displayName\":\"Lena\",\"language\":\"pl\"}");
		HttpResponse<String> again = create("operator@example.com:audit trail keeper 2026",
				"{\"email\":\"LENA@example.org\",\"displayName\":\"Lena\",\"language\":\"pl\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anonymousCallersGet401AndUsers403() throws Exception {
		assertThat(create(null, "{}").statusCode()).isEqualTo(401);
		assertThat(create("ada@example.com:silver maple river 42", "{}").statusCode()).isEqualTo(403);
	}

	@Test
	void invalidFieldsGet422WithViolations() throws Exception {
		HttpResponse<String> bad = create("operator@example.com:audit trail keeper 2026",
				"{\"email\":\"not-an-address\",\"displayName\":\"A\\r\\nBcc: x@evil.test\",\"language\":\"fr\"}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("violations", "email", "displayName", "language");
	}

	@Test
	void malformedJsonIs400WithoutInternals() throws Exception {
		HttpResponse<String> bad = create("operator@example.com:audit trail keeper 2026", "{\"email\": [\"a\",");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).doesNotContain("Exception", "at org.", "jackson");
	}

	private HttpResponse<String> create(String basic, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (basic != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
