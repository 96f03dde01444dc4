package org.accountsecurity.password;

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

class PasswordPropertiesTests {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private final Validator validator = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void defaultsFollowTheSpec() {
		PasswordProperties properties = bind(Map.of());

		assertThat(properties).isEqualTo(new PasswordProperties(15, 128, 12, 1));
		assertThat(this.validator.validate(properties)).isEmpty();
	}

	@Test
	void bindsKebabCaseKeys() {
		assertThat(bind(Map.of("app.password.min-length", "12", "app.password.bcrypt-cost", "13")))
			.isEqualTo(new PasswordProperties(12, 128, 13, 1));
	}

	@Test
	void refusesBcryptCost31AndCostsBelow10() {
		assertThat(invalidPaths(new PasswordProperties(15, 128, 31, 1))).containsExactly("bcryptCost");
		assertThat(invalidPaths(new PasswordProperties(15, 128, 9, 1))).containsExactly("bcryptCost");
	}

	@Test
	void refusesAMinimumAboveTheMaximum() {
		assertThat(invalidPaths(new PasswordProperties(64, 32, 12, 1))).containsExactly("lengthRangeValid");
	}

	@Test
	void refusesOutOfRangeLengthsAndHistory() {
		assertThat(invalidPaths(new PasswordProperties(7, 2000, 12, 25))).containsExactlyInAnyOrder("minLength",
				"maxLength", "history");
	}

	@Test
	void theGuessFloorDefaultsToZxcvbnsScore3AndBindsScientificNotation() {
		assertThat(bind(Map.of()).minGuesses()).isEqualTo(1e8);
		assertThat(bind(Map.of("app.password.min-guesses", "1e10")).minGuesses()).isEqualTo(1e10);
		assertThat(bind(Map.of("app.password.min-guesses", "0")).minGuesses()).isZero();
	}

	@Test
	void refusesANegativeGuessFloorAndOneThatWouldRefuseGoodPassphrases() {
		assertThat(invalidPaths(new PasswordProperties(15, 128, 12, 1, -1))).containsExactly("minGuesses");
		assertThat(invalidPaths(new PasswordProperties(15, 128, 12, 1, 1e13))).containsExactly("minGuesses");
	}

	private Set<String> invalidPaths(PasswordProperties properties) {
		Set<ConstraintViolation<PasswordProperties>> violations = this.validator.validate(properties);
		return violations.stream()
			.map((violation) -> violation.getPropertyPath().toString())
			.collect(Collectors.toSet());
	}

	private static PasswordProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("app.password",
				PasswordProperties.class);
	}

}
