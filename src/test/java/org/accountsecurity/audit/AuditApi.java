package org.accountsecurity.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit API as an operator's program calls it: HTTP Basic, JSON answers read as
 * trees.
 */
final class AuditApi {

	static final String OPERATOR_EMAIL = "operator@example.com";

	static final String OPERATOR_PASSWORD = "audit trail keeper 2026";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String authorization;

	private final HttpClient http = HttpClient.newHttpClient();

	AuditApi(int port, String email, String password) {
		this.base = "http://localhost:" + port;
		this.authorization = email == null ? null : "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static AuditApi operator(int port) {
		return new AuditApi(port, OPERATOR_EMAIL, OPERATOR_PASSWORD);
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	HttpResponse<String> post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	HttpResponse<String> method(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.build());
	}

	/** GET /api/v1/audit-events with these filter parameters; fails unless 200. */
	JsonNode list(Map<String, String> filter) {
		HttpResponse<String> response = get("/api/v1/audit-events" + query(filter));
		if (response.statusCode() != 200) {
			throw new AssertionError("Audit list answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** Every event of an e-mail filter, newest first, across pages. */
	List<JsonNode> eventsOf(String email) {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode answer = list(Map.of("email", email, "size", "200", "page", Integer.toString(page)));
			answer.get("events").forEach(all::add);
			if (all.size() >= answer.get("total").asLong()) {
				return all;
			}
		}
	}

	static String query(Map<String, String> params) {
		if (params.isEmpty()) {
			return "";
		}
		StringJoiner query = new StringJoiner("&", "?", "");
		params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return query.toString();
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
