package org.accountsecurity.system;

import java.util.Base64;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.Ordered;

/**
 * Refuses to start in production mode (no {@code local} profile) without the settings
 * that have no safe default, and says in one line which one is missing or wrong.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

	public static final String LOCAL_PROFILE = "local";

	// After the config files are read.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (env.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
			return;
		}
		require(env, "spring.datasource.url", "the PostgreSQL JDBC URL (SPRING_DATASOURCE_URL)");
		require(env, "spring.mail.host", "the SMTP relay host (SPRING_MAIL_HOST)");
		if (!env.containsProperty("spring.data.redis.host") && !env.containsProperty("spring.data.redis.url")
				&& !env.containsProperty("spring.data.redis.cluster.nodes")
				&& !env.containsProperty("spring.data.redis.sentinel.nodes")) {
			throw new InvalidSetting("spring.data.redis.host",
					"is not set: give the Redis server (SPRING_DATA_REDIS_HOST), cluster or sentinel nodes");
		}
		String base = require(env, "app.public-base-url", "the https URL users reach the service at");
		checkBaseUrl(base);
		List<String> keys = Binder.get(env)
			.bind("app.reset.signing-keys", String[].class)
			.map(List::of)
			.orElse(List.of());
		if (keys.isEmpty()) {
			throw new InvalidSetting("app.reset.signing-keys",
					"is not set: give at least one KEYID:BASE64SECRET with a secret of 32 bytes or more");
		}
		keys.forEach(RequiredSettings::checkSigningKey);
		requireKeys(env, "app.second-factor.encryption-key");
		// Tokens signed with a key made at start would verify on one instance only.
		if (Binder.get(env).bind("app.events.set-receivers[0].url", String.class).isBound()) {
			require(env, "app.events.set-signing-key", "an EC P-256 private key in PKCS#8 (base64 or PEM)");
		}
		requireKeys(env, "app.device.signing-keys");
	}

	private static void requireKeys(ConfigurableEnvironment env, String name) {
		List<String> keys = Binder.get(env).bind(name, String[].class).map(List::of).orElse(List.of());
		if (keys.isEmpty()) {
			throw new InvalidSetting(name,
					"is not set: give at least one KEYID:BASE64SECRET with a secret of 32 bytes or more");
		}
		keys.forEach(key -> checkKey(name, key));
	}

	private static String require(ConfigurableEnvironment env, String name, String what) {
		String value = env.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new InvalidSetting(name, "is not set: give " + what);
		}
		return value;
	}

	// Plain http only on the machine itself: links and cookies would travel in clear.
	static void checkBaseUrl(String base) {
		PublicBaseUrl url = new PublicBaseUrl(base);
		if (!url.isHttps() && !url.isLoopback()) {
			throw new InvalidSetting(PublicBaseUrl.SETTING, "must be an absolute https URL");
		}
	}

	/** {@code KEYID:BASE64SECRET} with a secret of at least 32 bytes. */
	public static void checkSigningKey(String entry) {
		checkKey("app.reset.signing-keys", entry);
	}

	/**
	 * An entry of the key list {@code setting}: {@code KEYID:BASE64SECRET}, ≥ 32 bytes.
	 */
	public static void checkKey(String setting, String entry) {
		int colon = entry.indexOf(':');
		if (colon < 1 || !entry.substring(0, colon).matches("[A-Za-z0-9._-]{1,32}")) {
			throw new InvalidSetting(setting, "entries must look like KEYID:BASE64SECRET");
		}
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSetting(setting, "key '" + entry.substring(0, colon) + "' is not valid base64");
		}
		if (secret.length < 32) {
			throw new InvalidSetting(setting, "key '" + entry.substring(0, colon) + "' is shorter than 32 bytes");
		}
	}

}
