package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.accountsecurity.support.Accessibility;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page shares through the layout: an icon that loads for anyone (so no page
 * logs a 404 for it) and scrollable tables that the keyboard reaches.
 */
class PageHeadIntegrationTests extends IntegrationTest {

	private static final List<String> ANONYMOUS_PAGES = List.of("/login", "/password/forgot",
			"/password/reset?token=not-a-token", "/error");

	private static final List<String> OPERATOR_PAGES = List.of("/account", "/operator/audit", "/no-such-page");

	private static final List<String> PAGES_WITH_TABLES = List.of("/account", "/operator/audit");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theIconsLoadForAnyoneAndMayBeCached() throws Exception {
		HttpResponse<byte[]> ico = anonymous("/favicon.ico");
		assertThat(ico.statusCode()).isEqualTo(200);
		assertThat(ico.body()).startsWith(0, 0, 1, 0);
		assertThat(ico.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("max-age=604800", "public").doesNotContain("no-store"));

		HttpResponse<byte[]> svg = anonymous("/img/favicon.svg");
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
		assertThat(svg.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).contains("max-age=604800"));
		assertThat(anonymous("/favicon.ico").headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void everyPageLinksIconsThatLoad() throws Exception {
		WebClient anonymous = new WebClient(SERVER_PORT);
		for (String path : ANONYMOUS_PAGES) {
			assertIconsLoad(path, Jsoup.parse(anonymous.get(path).body()));
		}
		WebClient operator = operator();
		for (String path : OPERATOR_PAGES) {
			assertIconsLoad(path, Jsoup.parse(operator.get(path).body()));
		}
	}

	@Test
	void everyScrollableTableIsReachableByKeyboardWithAName() {
		WebClient operator = operator();
		for (String path : PAGES_WITH_TABLES) {
			Accessibility.assertScrollableTablesFocusable(Jsoup.parse(operator.get(path).body()), path);
		}
	}

	private void assertIconsLoad(String path, Document page) throws Exception {
		List<String> icons = page.head().select("link[rel=icon]").eachAttr("href");
		assertThat(icons).as(path).containsExactlyInAnyOrder("/favicon.ico", "/img/favicon.svg");
		for (String icon : icons) {
			assertThat(anonymous(icon).statusCode()).as(path + " " + icon).isEqualTo(200);
		}
	}

	private WebClient operator() {
		WebClient operator = new WebClient(SERVER_PORT);
		operator.signIn("operator@example.com", "audit trail keeper 2026");
		return operator;
	}

	private HttpResponse<byte[]> anonymous(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

}
