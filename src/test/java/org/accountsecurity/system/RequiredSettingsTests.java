package org.accountsecurity.system;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production mode starts only with the settings that have no safe default, and names the
 * one missing.
 */
class RequiredSettingsTests {

	private static final String KEY = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void completeProductionSettingsPass() {
		assertThatCode(() -> check(production())).doesNotThrowAnyException();
	}

	@Test
	void eachMissingSettingIsNamed() {
		for (String name : new String[] { "spring.datasource.url", "spring.mail.host", "spring.data.redis.host",
				"app.public-base-url", "app.reset.signing-keys", "app.second-factor.encryption-key",
				"app.device.signing-keys" }) {
			Map<String, Object> settings = production();
			settings.remove(name);
			assertThatThrownBy(() -> check(settings)).isInstanceOf(InvalidSetting.class)
				.hasMessageStartingWith(name + " ")
				.hasMessageNotContaining("\n");
		}
	}

	@Test
	void invalidValuesAreNamed() {
		Map<String, Object> shortKey = production();
		shortKey.put("app.reset.signing-keys", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[16]));
		assertThatThrownBy(() -> check(shortKey))
			.hasMessage("app.reset.signing-keys key 'k1' is shorter than 32 bytes");

		Map<String, Object> shortSecondFactorKey = production();
		shortSecondFactorKey.put("app.second-factor.encryption-key",
				"k2:" + java.util.Base64.getEncoder().encodeToString(new byte[31]));
		assertThatThrownBy(() -> check(shortSecondFactorKey))
			.hasMessage("app.second-factor.encryption-key key 'k2' is shorter than 32 bytes");

		Map<String, Object> plainHttp = production();
		plainHttp.put("app.public-base-url", "http://accounts.example.com");
		assertThatThrownBy(() -> check(plainHttp)).hasMessage("app.public-base-url must be an absolute https URL");
	}

	@Test
	void plainHttpPassesOnTheMachineItselfOnly() {
		for (String local : new String[] { "http://localhost:8080", "http://127.0.0.1:8080/" }) {
			Map<String, Object> settings = production();
			settings.put("app.public-base-url", local);
			assertThatCode(() -> check(settings)).as(local).doesNotThrowAnyException();
		}
		Map<String, Object> withQuery = production();
		withQuery.put("app.public-base-url", "https://accounts.example.com/?next=evil");
		assertThatThrownBy(() -> check(withQuery)).isInstanceOf(InvalidSetting.class)
			.hasMessageStartingWith("app.public-base-url ");
	}

	@Test
	void aReceiverOfSecurityEventTokensNeedsTheSigningKey() {
		Map<String, Object> settings = production();
		assertThatCode(() -> check(settings)).doesNotThrowAnyException();
		settings.put("app.events.set-receivers[0].url", "https://rp.example.com/caep");
		assertThatThrownBy(() -> check(settings)).isInstanceOf(InvalidSetting.class)
			.hasMessageStartingWith("app.events.set-signing-key ");
		settings.put("app.events.set-signing-key", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg");
		assertThatCode(() -> check(settings)).doesNotThrowAnyException();
	}

	@Test
	void localModeNeedsNothing() {
		StandardEnvironment env = new StandardEnvironment();
		env.setActiveProfiles(RequiredSettings.LOCAL_PROFILE);
		assertThatCode(() -> new RequiredSettings().postProcessEnvironment(env, new SpringApplication()))
			.doesNotThrowAnyException();
	}

	private static Map<String, Object> production() {
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:postgresql://db/accounts");
		settings.put("spring.mail.host", "smtp.example.com");
		settings.put("spring.data.redis.host", "redis");
		settings.put("app.public-base-url", "https://accounts.example.com");
		settings.put("app.reset.signing-keys", KEY);
		settings.put("app.second-factor.encryption-key", KEY);
		settings.put("app.device.signing-keys", KEY);
		return settings;
	}

	private static void check(Map<String, Object> settings) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("test", settings));
		new RequiredSettings().postProcessEnvironment(env, new SpringApplication());
	}

}
