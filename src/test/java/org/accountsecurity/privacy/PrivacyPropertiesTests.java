package org.accountsecurity.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code app.privacy.*}: safe defaults, indexed sub-processors, and what is refused. */
class PrivacyPropertiesTests {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private final Validator validator = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void defaultsNameNoOneAndVersionOne() {
		PrivacyProperties properties = bind(Map.of());

		assertThat(properties.subProcessors()).isEmpty();
		assertThat(properties.mediaAddresses()).isEmpty();
		assertThat(properties.webinarOrigins()).isEmpty();
		assertThat(properties.dpaVersion()).isEqualTo("1.0");
		assertThat(properties.hostingLocation()).isEmpty();
		assertThat(validator.validate(properties)).isEmpty();
	}

	@Test
	void bindsIndexedSubProcessorsAndLists() {
		PrivacyProperties properties = bind(
				Map.of("app.privacy.sub-processors[0].name", "Example Cloud", "app.privacy.sub-processors[0].purpose",
						"Servers", "app.privacy.sub-processors[0].location", "Frankfurt", "app.privacy.media-addresses",
						"198.51.100.0/24,2001:db8::1", "app.privacy.webinar-origins",
						"https://webinars.example.com,http://localhost:3000", "app.privacy.dpa-version", "2026-12"));

		assertThat(properties.subProcessors())
			.containsExactly(new PrivacyProperties.SubProcessor("Example Cloud", "Servers", "Frankfurt"));
		assertThat(properties.mediaAddresses()).containsExactly("198.51.100.0/24", "2001:db8::1");
		assertThat(properties.webinarOrigins()).containsExactly("https://webinars.example.com",
				"http://localhost:3000");
		assertThat(validator.validate(properties)).isEmpty();
	}

	@Test
	void refusesOriginsThatCannotMatchExactlyAndAddressesThatAreNone() {
		PrivacyProperties properties = new PrivacyProperties(List.of(), "1.0",
				List.of("198.51.100.0/24", "media.example.com"),
				List.of("https://webinars.example.com", "https://webinars.example.com/", "*", "webinars.example.com"),
				"");

		assertThat(invalidPaths(properties)).containsExactlyInAnyOrder("mediaAddresses[1].<list element>",
				"webinarOrigins[1].<list element>", "webinarOrigins[2].<list element>",
				"webinarOrigins[3].<list element>");
	}

	@Test
	void refusesASubProcessorWithoutNameAndAVersionThatCannotBeAFileName() {
		PrivacyProperties properties = new PrivacyProperties(
				List.of(new PrivacyProperties.SubProcessor(" ", "Servers", "Frankfurt")), "../1", List.of(), List.of(),
				"");

		assertThat(invalidPaths(properties)).containsExactlyInAnyOrder("subProcessors[0].name", "dpaVersion");
	}

	private Set<String> invalidPaths(PrivacyProperties properties) {
		return validator.validate(properties)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(Collectors.toSet());
	}

	private static PrivacyProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("app.privacy",
				PrivacyProperties.class);
	}

}
