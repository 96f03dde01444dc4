package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's answers field by field: status, the stable problem {@code type}, title and
 * the extra properties programs read ({@code field}, {@code reason}, {@code violations}),
 * so that a change in how the answers are built cannot change what clients see.
 */
class ApiProblemsIntegrationTests extends IntegrationTest {

	private static final String TYPES = "https://account-security.dev/problems/";

	private static final String OPERATOR = "operator@example.com:audit trail keeper 2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAddressThatIsNotOneAddressStringIsAMalformedRequestNamingTheField() throws Exception {
		for (String body : List.of("{\"email\":[\"a@example.test\"]}", "{\"email\":{\"a\":1}}", "{\"email\":42}",
				"{\"email\":4.2}", "{\"email\":true}", "{\"email\":null}", "{}", "{\"email\":\"not an address\"}")) {
			JsonNode problem = problem(post("/api/v1/password-resets", body, null), 400, "malformed-request",
					"Malformed request");
			assertThat(problem.get("field").asString()).as(body).isEqualTo("email");
		}
	}

	@Test
	void aTokenOrPasswordThatIsNotOneStringIsAMalformedRequestNamingTheField() throws Exception {
		for (String body : List.of("{\"token\":[\"a\"]}", "{\"token\":{}}", "{\"token\":7}", "{\"token\":null}",
				"{}")) {
			JsonNode problem = problem(post("/api/v1/password-resets/verify", body, null), 400, "malformed-request",
					"Malformed request");
			assertThat(problem.get("field").asString()).as(body).isEqualTo("token");
		}
		for (String body : List.of("{\"token\":7,\"newPassword\":\"a long enough passphrase\"}",
				"{\"newPassword\":\"a long enough passphrase\"}")) {
			assertThat(problem(post("/api/v1/password-resets/complete", body, null), 400, "malformed-request",
					"Malformed request")
				.get("field")
				.asString()).as(body).isEqualTo("token");
		}
		for (String body : List.of("{\"token\":\"x\",\"newPassword\":123456789012345678}",
				"{\"token\":\"x\",\"newPassword\":[\"a long enough passphrase\"]}", "{\"token\":\"x\"}")) {
			assertThat(problem(post("/api/v1/password-resets/complete", body, null), 400, "malformed-request",
					"Malformed request")
				.get("field")
				.asString()).as(body).isEqualTo("newPassword");
		}
	}

	@Test
	void aBodyThatIsNoJsonObjectIsAMalformedBody() throws Exception {
		for (String body : List.of("[]", "not json", "{\"email\":\"a@example.test\",\"email\":\"b@example.test\"}",
				"\"a@example.test\"")) {
			problem(post("/api/v1/password-resets", body, null), 400, "malformed-body", "Malformed request body");
		}
		problem(post("/api/v1/accounts", "{\"email\": [\"a\",", OPERATOR), 400, "malformed-body",
				"Malformed request body");
	}

	@Test
	void anUnknownFieldBesideTheAddressIsIgnored() throws Exception {
		HttpResponse<String> answer = post("/api/v1/password-resets",
				"{\"email\":\"ghost-" + UUID.randomUUID() + "@example.test\",\"extra\":1}", null);
		assertThat(answer.statusCode()).isEqualTo(202);
		JsonNode accepted = JSON.readTree(answer.body());
		assertThat(accepted.get("status").asString()).isEqualTo("accepted");
		assertThat(accepted.get("message").asString())
			.isEqualTo("If an account has this address, a reset link is on its way to it.");
	}

	@Test
	void aTokenThatIsNoLinkIsInvalidAndAUsedOneIsGone() throws Exception {
		JsonNode invalid = problem(post("/api/v1/password-resets/verify", "{\"token\":\"x\"}", null), 400,
				"reset-token-invalid", "Reset link not usable");
		assertThat(invalid.get("reason").asString()).isEqualTo("invalid");

		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);
		HttpResponse<String> verified = post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", null);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode valid = JSON.readTree(verified.body());
		assertThat(valid.get("valid").asBoolean()).isTrue();
		assertThat(Instant.parse(valid.get("expiresAt").asString())).isAfter(Instant.now());

		JsonNode refused = problem(post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"short\"}", null), 422, "password-policy",
				"Password refused");
		assertThat(refused.get("violations").get(0).get("code").asString()).isEqualTo("too-short");
		assertThat(refused.get("violations").get(0).get("message").asString()).isNotBlank();

		assertThat(post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"a quiet harbour at dawn 7\"}", null)
			.statusCode()).isEqualTo(204);
		JsonNode used = problem(
				post("/api/v1/password-resets/complete",
						"{\"token\":\"" + token + "\",\"newPassword\":\"another quiet harbour 8\"}", null),
				410, "reset-token-used", "Reset link not usable");
		assertThat(used.get("reason").asString()).isEqualTo("used");
	}

	@Test
	void accountProblemsKeepTheirTypes() throws Exception {
		Account existing = TestAccounts.create(accountService, Language.EN);
		problem(post("/api/v1/accounts",
				"{\"email\":\"" + existing.email().toUpperCase(Locale.ROOT)
						+ "\",\"displayName\":\"Kim\",\"language\":\"en\"}",
				OPERATOR), 409, "account-exists", "Account exists");
		JsonNode invalid = problem(
				post("/api/v1/accounts", "{\"email\":\"nope\",\"displayName\":\"Kim\",\"language\":\"fr\"}", OPERATOR),
				422, "invalid-account", "Invalid account data");
		assertThat(invalid.get("violations").findValuesAsString("field")).contains("email", "language");
		assertThat(invalid.get("violations").get(0).get("code").asString()).isNotBlank();

		String unknown = "/api/v1/accounts/" + UUID.randomUUID();
		problem(post(unknown + "/password-reset", "", OPERATOR), 404, "account-not-found", "Account not found");
		problem(send(request(unknown + "/audit-events", OPERATOR).GET()), 404, "account-not-found",
				"Account not found");
		problem(post(unknown + "/audit-erasure", "", OPERATOR), 404, "account-not-found", "Account not found");
	}

	@Test
	void auditProblemsKeepTheirTypes() throws Exception {
		JsonNode filter = problem(send(request("/api/v1/audit-events?type=NO_SUCH_TYPE", OPERATOR).GET()), 400,
				"invalid-filter", "Invalid filter");
		assertThat(filter.get("field").asString()).isEqualTo("type");
		assertThat(problem(send(request("/api/v1/audit-events/export?format=xml", OPERATOR).GET()), 400,
				"invalid-filter", "Invalid filter")
			.get("field")
			.asString()).isEqualTo("format");

		HttpResponse<String> delete = send(request("/api/v1/audit-events", OPERATOR).DELETE());
		problem(delete, 405, "read-only", "Audit events are read-only");
		assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");

		JsonNode verify = JSON.readTree(send(request("/api/v1/audit-events/verify", OPERATOR).GET()).body());
		assertThat(verify.get("checked").asLong()).isPositive();
		if (verify.get("intact").asBoolean()) {
			assertThat(verify.has("brokenAtId")).isFalse();
			assertThat(verify.has("problem")).isFalse();
		}
	}

	private JsonNode problem(HttpResponse<String> answer, int status, String type, String title) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.get("type").asString()).isEqualTo(TYPES + type);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(answer.body()).doesNotContain("Exception", "at org.", "jackson");
		return problem;
	}

	private String requestToken(Account account) throws Exception {
		int before = mailbox.to(account.email()).size();
		post("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}", null);
		return Mailbox.token(mailbox.await(account.email(), before + 1).get(before));
	}

	private HttpResponse<String> post(String path, String json, String basic) throws Exception {
		return send(request(path, basic).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path, String basic) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path));
		if (basic != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
