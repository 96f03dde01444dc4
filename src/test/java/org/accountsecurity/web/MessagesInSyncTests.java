package org.accountsecurity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page string exists in English, German and Polish, and every key a template names
 * exists.
 */
class MessagesInSyncTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final List<String> LANGUAGES = List.of("_de", "_pl");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		for (String bundle : bundles()) {
			Set<String> english = keys(MESSAGES.resolve(bundle + ".properties"));
			for (String language : LANGUAGES) {
				Path translated = MESSAGES.resolve(bundle + language + ".properties");
				assertThat(translated).as(translated.toString()).exists();
				assertThat(keys(translated)).as(translated.toString()).isEqualTo(english);
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> known = new HashSet<>();
		for (String bundle : bundles()) {
			known.addAll(keys(MESSAGES.resolve(bundle + ".properties")));
		}
		Pattern literalKey = Pattern.compile("#\\{([A-Za-z0-9][A-Za-z0-9.\\-]*)[(}]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = literalKey.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void germanAndPolishAreNotLeftInEnglish() throws IOException {
		for (String bundle : bundles()) {
			Properties english = load(MESSAGES.resolve(bundle + ".properties"));
			for (String language : LANGUAGES) {
				Properties translated = load(MESSAGES.resolve(bundle + language + ".properties"));
				long same = english.stringPropertyNames()
					.stream()
					.filter(k -> english.getProperty(k).length() > 20
							&& english.getProperty(k).equals(translated.getProperty(k)))
					.count();
				assertThat(same).as(bundle + language + ": long texts identical to English").isZero();
			}
		}
	}

	private static List<String> bundles() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			return files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".properties") && !n.contains("_"))
				.map(n -> n.substring(0, n.length() - ".properties".length()))
				.sorted()
				.toList();
		}
	}

	private static Set<String> keys(Path file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
