package org.accountsecurity.privacy;

import java.net.http.HttpResponse;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Accessibility;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /privacy} for anyone, in the three languages: the roles, the sub-processors and
 * media addresses from configuration (the local profile's examples), the ports, and the
 * agreement to download in the page's language.
 */
class PrivacyPageIntegrationTests extends IntegrationTest {

	private static final List<String> SUB_PROCESSORS = List.of("Example Cloud GmbH", "Example Mail Relay sp. z o.o.",
			"Example Media Network B.V.");

	@Autowired
	AccountService accountService;

	@ParameterizedTest
	@CsvSource({ "en, Privacy and security, Sub-processors, Audio and video with WebRTC",
			"de, Datenschutz und Sicherheit, Unterauftragsverarbeiter, Audio und Video mit WebRTC",
			"pl, Prywatność i bezpieczeństwo, Podprocesorzy, Dźwięk i obraz przez WebRTC" })
	void anyoneReadsTheRolesSubProcessorsAndPortsInTheirLanguage(String lang, String title, String subProcessors,
			String webrtc) {
		HttpResponse<String> response = new WebClient(SERVER_PORT).get("/privacy?lang=" + lang);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("SESSION"));
		Document page = Jsoup.parse(response.body());
		assertThat(page.title()).startsWith(title);
		assertThat(page.select("html").attr("lang")).isEqualTo(lang);
		assertThat(page.select("#sub-processors-heading").text()).isEqualTo(subProcessors);
		assertThat(page.select("tr.sub-processor th").eachText()).isEqualTo(SUB_PROCESSORS);
		assertThat(page.select("tr.sub-processor td").eachText()).contains("Frankfurt am Main, Germany",
				"Warsaw, Poland");
		List<String> ports = page.select("#ports tbody tr")
			.stream()
			.map(row -> row.child(0).text() + " " + row.child(1).text())
			.toList();
		assertThat(ports).startsWith("TCP 1935", "TCP 80", "TCP 443", "TCP, UDP 443");
		assertThat(ports.get(4)).startsWith("UDP ");
		assertThat(page.select("#ports").text()).contains(webrtc);
		assertThat(page.select("#media-addresses li").eachText()).containsExactly("198.51.100.0/24", "203.0.113.17",
				"2001:db8:5::/48");
		assertThat(page.select("#dpa-version").text()).isEqualTo("1.0");
		assertThat(page.select("#hosting-location").text()).contains("Frankfurt am Main, Germany (EU)");
		assertThat(page.select("#security-measures li").text()).contains("BCrypt");
		Accessibility.assertScrollableTablesFocusable(page, "/privacy " + lang);
		assertThat(page.select("#footer-privacy").attr("href")).isEqualTo("/privacy");
	}

	@Test
	void aSignedInHolderSeesItWithTheMenuEntryAndTheWayToAccept() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(account);

		Document page = Jsoup.parse(browser.get("/privacy").body());

		assertThat(page.select("#menu-privacy").attr("href")).isEqualTo("/account/privacy");
		assertThat(page.select("#dpa a[href='/account/privacy']")).hasSize(1);
		Document details = Jsoup.parse(browser.get("/account").body());
		assertThat(details.select("#privacy-link").attr("href")).isEqualTo("/account/privacy");
	}

	@ParameterizedTest
	@CsvSource({ "en, Data processing agreement (template), version 1.0, 5. Sub-processors",
			"de, Auftragsverarbeitungsvertrag (Vorlage), Version 1.0, 5. Unterauftragsverarbeiter",
			"pl, Umowa powierzenia przetwarzania danych osobowych (wzór), wersja 1.0, 5. Podprocesorzy" })
	void theAgreementDownloadsInThePagesLanguage(String lang, String title, String section) {
		HttpResponse<String> response = new WebClient(SERVER_PORT).get("/privacy/dpa?lang=" + lang);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"data-processing-agreement-1.0-" + lang + ".txt\"");
		assertThat(response.body()).startsWith(title)
			.contains(section, "- Example Cloud GmbH: Servers and storage", "(Warsaw, Poland)")
			.doesNotContain("[(", "#{", "??");
	}

}
