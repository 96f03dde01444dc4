package org.accountsecurity.mail;

import java.time.Duration;
import java.util.Map;

import org.accountsecurity.system.InvalidSetting;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MailPropertiesTests {

	@Test
	void hasDefaultsForEverySetting() {
		MailProperties properties = bind(Map.of("app.mail.worker-enabled", "true"));

		assertThat(properties).isEqualTo(new MailProperties("Account Security <no-reply@localhost>", 6,
				Duration.ofSeconds(5), true, Duration.ofMillis(30), Duration.ofMinutes(1), 4));
	}

	@Test
	void readsTheSettings() {
		MailProperties properties = bind(Map.of("app.mail.from", "Konto <konto@example.com>", "app.mail.max-attempts",
				"3", "app.mail.first-retry-delay", "PT1S", "app.mail.worker-enabled", "false", "app.mail.hold-back",
				"0s", "app.mail.workers", "2"));

		assertThat(properties).isEqualTo(new MailProperties("Konto <konto@example.com>", 3, Duration.ofSeconds(1),
				false, Duration.ZERO, Duration.ofMinutes(1), 2));
	}

	@Test
	void refusesASenderThatIsNotAnAddress() {
		assertThatExceptionOfType(InvalidSetting.class).isThrownBy(
				() -> new MailProperties("Account Security <no-reply@>", 6, Duration.ofSeconds(5), true, Duration.ZERO))
			.satisfies(ex -> assertThat(ex.setting()).isEqualTo("app.mail.from"));
	}

	@Test
	void refusesARetryDelayThatIsNotPositive() {
		assertThatExceptionOfType(InvalidSetting.class)
			.isThrownBy(() -> new MailProperties("a@example.com", 6, Duration.ZERO, true, Duration.ZERO))
			.satisfies(ex -> assertThat(ex.setting()).isEqualTo("app.mail.first-retry-delay"));
	}

	@Test
	void refusesANegativeOrLongHoldBack() {
		for (Duration holdBack : new Duration[] { Duration.ofMillis(-1), Duration.ofSeconds(11) }) {
			assertThatExceptionOfType(InvalidSetting.class)
				.isThrownBy(() -> new MailProperties("a@example.com", 6, Duration.ofSeconds(5), true, holdBack))
				.satisfies(ex -> assertThat(ex.setting()).isEqualTo("app.mail.hold-back"));
		}
	}

	private static MailProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("app.mail", MailProperties.class);
	}

}
