package org.accountsecurity.password;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordMessagesTests {

	private static final String[] CODES = { "blank", "too-short", "too-long", "common", "contains-email",
			"contains-name", "mismatch", "reused" };

	@Test
	void everyLanguageHasTheSameKeys() throws IOException {
		Properties english = load("password.properties");

		assertThat(load("password_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(load("password_pl.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void everyViolationCodeAndFormTextHasAMessage() throws IOException {
		Properties english = load("password.properties");
		Stream<String> formKeys = Stream.of("password.rules.length", "password.rules.common", "password.rules.personal",
				"password.rules.history", "password.rules.any-characters", "password.strength.label",
				"password.strength.0", "password.strength.1", "password.strength.2", "password.strength.3",
				"password.strength.4");

		assertThat(english.stringPropertyNames())
			.contains(Stream.of(CODES).map((code) -> PolicyViolation.of(code).messageKey()).toArray(String[]::new))
			.contains(formKeys.toArray(String[]::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "password.properties", "password_de.properties", "password_pl.properties" })
	void everyMessageFormatsWithoutLosingText(String file) throws IOException {
		Properties messages = load(file);

		for (String key : messages.stringPropertyNames()) {
			String pattern = messages.getProperty(key);
			assertThat(pattern).as(key).isNotBlank().doesNotContain("'");
			assertThat(new MessageFormat(pattern, Locale.ROOT).format(new Object[] { 15, 128 })).as(key)
				.doesNotContain("{");
		}
	}

	@Test
	void filesAreReadAsUtf8WithNativeLetters() throws IOException {
		assertThat(load("password_de.properties").getProperty("password.strength.label")).isEqualTo("Passwortstärke");
		assertThat(load("password_pl.properties").getProperty("password.strength.label")).isEqualTo("Siła hasła");
	}

	@Test
	void historyRuleReadsNaturallyForOneAndForMany() throws IOException {
		String pattern = load("password.properties").getProperty("password.rules.history");

		assertThat(MessageFormat.format(pattern, 1)).isEqualTo("It must differ from your current password.");
		assertThat(MessageFormat.format(pattern, 5)).isEqualTo("It must differ from your last 5 passwords.");
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PasswordMessagesTests.class.getResourceAsStream("/messages/" + file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
