package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations and client developers rely on: health per dependency, metrics, the
 * OpenAPI document.
 */
class OperationsIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthShowsTheStatusToAnyoneAndEachDependencyToOperatorsOnly() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/health", null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "redis", "db");
		assertThat(get("/actuator/health", "ada@example.com:silver maple river 42").body()).doesNotContain("components",
				"redis");

		HttpResponse<String> operator = get("/actuator/health", "operator@example.com:audit trail keeper 2026");
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(operator.body()).contains("\"status\":\"UP\"", "\"db\"", "\"redis\"", "\"mail\"");
	}

	@Test
	void healthShowsEachDependencyToAnOperatorSignedInOnThePages() {
		WebClient browser = new WebClient(SERVER_PORT);
		browser.signIn("operator@example.com", "audit trail keeper 2026");
		assertThat(browser.get("/actuator/health").body()).contains("\"db\"", "\"redis\"", "\"mail\"");
	}

	@Test
	void metricsAreForOperatorsOnly() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "ada@example.com:silver maple river 42").statusCode()).isEqualTo(403);
		HttpResponse<String> metrics = get("/actuator/prometheus", "operator@example.com:audit trail keeper 2026");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("mail_outbox_depth", "password_bcrypt_seconds");
	}

	// Boot's scrape endpoint read an Accept header naming no type as accepting none: a
	// 500
	// (a fuzzing finding).
	@Test
	void anAcceptHeaderNamingNoTypeIsReadAsAbsent() throws Exception {
		HttpResponse<String> metrics = get("/actuator/prometheus", "operator@example.com:audit trail keeper 2026", ",");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("mail_outbox_depth");
	}

	@Test
	void theApiIsDocumentedWithOpenApi() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/password-resets", "/api/v1/password-resets/complete",
				"/api/v1/audit-events");
	}

	@Test
	void theOpenApiDocumentDescribesTheResetBodies() throws Exception {
		JsonNode schemas = JSON.readTree(get("/v3/api-docs", null).body()).get("components").get("schemas");
		JsonNode request = schemas.get("PasswordResetRequest");
		assertThat(request.get("properties").get("email").get("type").asString()).isEqualTo("string");
		assertThat(request.get("required").valueStream().map(JsonNode::asString)).containsExactly("email");
		assertThat(schemas.get("CompleteResetRequest").get("required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("token", "newPassword");
		assertThat(schemas.get("VerifyResetResponse").get("properties").get("expiresAt").get("format").asString())
			.isEqualTo("date-time");
		assertThat(schemas.get("PasswordResetResponse").get("properties").propertyNames()).contains("status",
				"message");
	}

	// Swagger UI's files come from a webjar; the resource chain is off (application.yml),
	// and they must still load.
	@Test
	void swaggerUiServesItsPageAndAssets() throws Exception {
		HttpResponse<String> page = get("/swagger-ui/index.html", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui.css", "swagger-initializer.js");
		assertThat(get("/swagger-ui/swagger-ui.css", null).statusCode()).isEqualTo(200);
		assertThat(get("/swagger-ui/swagger-initializer.js", null).body()).contains("/v3/api-docs");
	}

	private HttpResponse<String> get(String path, String basic) throws Exception {
		return get(path, basic, null);
	}

	private HttpResponse<String> get(String path, String basic, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path));
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (basic != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
