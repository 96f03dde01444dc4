package org.accountsecurity.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailComposerTests {

	static final String LINK = "https://accounts.example.test/password/reset?token=eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl";

	static final String CANCEL_LINK = "https://accounts.example.test/password/reset/cancel?token=eyJhbGciOi.eyJzdWIi.c2ln";

	static final String FORGOT_LINK = "https://accounts.example.test/password/forgot";

	static final String SIGN_IN_LINK = "https://accounts.example.test/login";

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("pl"));

	final ResourceBundleMessageSource messages = messages();

	final MailComposer composer = new MailComposer(htmlEngine(messages), messages);

	static Stream<Arguments> templatesAndLanguages() {
		return Stream.of("reset-link", "password-changed")
			.flatMap(template -> LANGUAGES.stream().map(locale -> Arguments.of(template, locale)));
	}

	@ParameterizedTest
	@MethodSource("templatesAndLanguages")
	void rendersBothPartsWithTheLinksAndALocalisedSubject(String template, Locale locale) {
		ComposedMail mail = composer.compose(template, locale, model(template));

		assertThat(mail.subject()).isEqualTo(messages.getMessage("mail." + template + ".subject", null, locale))
			.isNotBlank();
		if (!locale.equals(Locale.ENGLISH)) {
			assertThat(mail.subject())
				.isNotEqualTo(messages.getMessage("mail." + template + ".subject", null, Locale.ENGLISH));
		}
		for (String link : links(template)) {
			assertThat(mail.html()).contains("href=\"" + link + "\"");
			assertThat(mail.text()).contains("\n" + link + "\n");
		}
		// The links to act on are also printed, for copying.
		for (String link : template.equals("reset-link") ? List.of(LINK, CANCEL_LINK) : List.of(FORGOT_LINK)) {
			assertThat(mail.html()).contains(">" + link + "<");
		}
		assertThat(mail.html()).contains("<html lang=\"" + locale.getLanguage() + "\"")
			.contains(messages.getMessage("mail.greeting", new Object[] { "Ada Lovelace" }, locale));
		assertThat(mail.text())
			.startsWith(messages.getMessage("mail.greeting", new Object[] { "Ada Lovelace" }, locale))
			.contains("203.0.113.0");
		for (String part : List.of(mail.html(), mail.text())) {
			assertThat(part).doesNotContain("??", "${", "#{", "[(", "[[", " th:", "xmlns:th")
				.contains("2026-11-22 10:00 UTC");
		}
	}

	@ParameterizedTest
	@MethodSource("templatesAndLanguages")
	void saysUnknownWhenTheAddressOrBrowserIsMissing(String template, Locale locale) {
		Map<String, Object> model = model(template);
		model.put("clientAddress", null);
		model.put("userAgent", null);

		ComposedMail mail = composer.compose(template, locale, model);

		String unknown = messages.getMessage("mail.unknown", null, locale);
		String address = messages.getMessage("mail.detail.address", null, locale);
		assertThat(mail.text()).contains(address + ": " + unknown);
		assertThat(mail.html()).contains(unknown);
	}

	@Test
	void theResetLinkMailTellsHowLongTheLinkIsValid() {
		Map<String, Object> model = model("reset-link");

		assertThat(composer.compose("reset-link", Locale.ENGLISH, model).text())
			.contains("valid for 30 minutes, until 2026-11-22 10:30 UTC, and it works only once");
		assertThat(composer.compose("reset-link", Locale.GERMAN, model).text())
			.contains("30 Minuten lang, also bis 2026-11-22 10:30 UTC");
		assertThat(composer.compose("reset-link", Locale.forLanguageTag("pl"), model).text())
			.contains("ważny przez 30 min, czyli do 2026-11-22 10:30 UTC");

		model.put("ttlMinutes", 1L);
		assertThat(composer.compose("reset-link", Locale.ENGLISH, model).text()).contains("valid for 1 minute,");
		assertThat(composer.compose("reset-link", Locale.GERMAN, model).text()).contains("gilt eine Minute lang");
		assertThat(composer.compose("reset-link", Locale.forLanguageTag("pl"), model).text()).contains("przez 1 min,");
	}

	@Test
	void thePasswordChangedMailNamesTheBrowser() {
		ComposedMail mail = composer.compose("password-changed", Locale.GERMAN, model("password-changed"));

		assertThat(mail.text()).contains("Browser: Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		assertThat(mail.html()).contains("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
	}

	@Test
	void escapesTheNameInHtmlButNotInText() {
		Map<String, Object> model = model("reset-link");
		model.put("displayName", "<b>Ada</b> & Co");

		ComposedMail mail = composer.compose("reset-link", Locale.ENGLISH, model);

		assertThat(mail.html()).contains("Hello &lt;b&gt;Ada&lt;/b&gt; &amp; Co,").doesNotContain("<b>Ada");
		assertThat(mail.text()).startsWith("Hello <b>Ada</b> & Co,");
	}

	@Test
	void refusesATemplateNameThatIsNotASimpleName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> composer.compose("../login", Locale.ENGLISH, model("reset-link")));
	}

	static Map<String, Object> model(String template) {
		// Times as the jobs give them: the composer writes them in the one mail format.
		Map<String, Object> model = new HashMap<>();
		model.put("displayName", "Ada Lovelace");
		model.put("clientAddress", "203.0.113.0");
		if (template.equals("reset-link")) {
			model.put("link", LINK);
			model.put("cancelLink", CANCEL_LINK);
			model.put("expiresAt", Instant.parse("2026-11-22T10:30:59Z"));
			model.put("ttlMinutes", 30);
			model.put("requestedAt", Instant.parse("2026-11-22T10:00:00Z"));
		}
		else {
			model.put("changedAt", Instant.parse("2026-11-22T10:00:00Z"));
			model.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
			model.put("forgotLink", FORGOT_LINK);
			model.put("signInLink", SIGN_IN_LINK);
		}
		return model;
	}

	static List<String> links(String template) {
		return template.equals("reset-link") ? List.of(LINK, CANCEL_LINK) : List.of(FORGOT_LINK, SIGN_IN_LINK);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/mail");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/**
	 * Like Boot's engine: {@code templates/<name>.html} in HTML mode, with the
	 * application's messages.
	 */
	static SpringTemplateEngine htmlEngine(ResourceBundleMessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

}
