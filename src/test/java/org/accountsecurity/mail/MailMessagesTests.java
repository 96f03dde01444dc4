package org.accountsecurity.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail texts exist in every language, and every key a mail template uses is
 * translated.
 */
class MailMessagesTests {

	static final List<String> TEMPLATES = List.of("reset-link.html", "reset-link.txt", "password-changed.html",
			"password-changed.txt");

	@Test
	void everyLanguageHasTheSameKeys() throws IOException {
		Set<String> english = load("messages/mail.properties").stringPropertyNames();

		assertThat(load("messages/mail_de.properties").stringPropertyNames()).isEqualTo(english);
		assertThat(load("messages/mail_pl.properties").stringPropertyNames()).isEqualTo(english);
	}

	@Test
	void noTextIsBlank() throws IOException {
		for (String file : List.of("messages/mail.properties", "messages/mail_de.properties",
				"messages/mail_pl.properties")) {
			Properties texts = load(file);
			assertThat(texts.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(texts.getProperty(key)).isNotBlank());
		}
	}

	@Test
	void theTranslationsUseTheirOwnLetters() throws IOException {
		assertThat(String.join(" ", values("messages/mail_de.properties"))).containsPattern("[äöüß]");
		assertThat(String.join(" ", values("messages/mail_pl.properties"))).containsPattern("[ąćęłńóśźż]");
	}

	@Test
	void everyKeyTheTemplatesUseExists() throws IOException {
		Set<String> used = new TreeSet<>();
		Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
		for (String template : TEMPLATES) {
			Matcher matcher = key.matcher(read("templates/mail/" + template));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		used.add("mail.reset-link.subject");
		used.add("mail.password-changed.subject");

		assertThat(load("messages/mail.properties").stringPropertyNames()).containsAll(used);
	}

	private static List<String> values(String file) throws IOException {
		Properties texts = load(file);
		return texts.stringPropertyNames().stream().map(texts::getProperty).toList();
	}

	// Decodes strictly, so that a file saved in another encoding fails here rather than
	// showing mojibake.
	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = open(resource);
				Reader reader = new InputStreamReader(in,
						StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))) {
			properties.load(reader);
		}
		return properties;
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = open(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = MailMessagesTests.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException("Missing resource " + resource);
		}
		return in;
	}

}
