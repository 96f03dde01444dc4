package org.accountsecurity;

import java.security.SecureRandom;
import java.util.Base64;

import org.accountsecurity.dev.DevServices;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * {@code make run}: the service in local mode with embedded Redis, GreenMail and H2
 * (Spring Boot's test-run convention, so that the production jar carries no embedded
 * servers).
 */
public class TestAccountSecurityApplication {

	public static void main(String[] args) {
		String[] withKey = args;
		if (System.getenv("APP_RESET_SIGNING_KEYS") == null && System.getProperty("app.reset.signing-keys") == null) {
			LoggerFactory.getLogger(TestAccountSecurityApplication.class)
				.warn("No app.reset.signing-keys set: generated a throw-away key; links die with this process.");
			withKey = append(args, "--app.reset.signing-keys=local:" + randomSecret());
		}
		SpringApplication.from(AccountSecurityApplication::main)
			.with(DevServices.class)
			.withAdditionalProfiles("local")
			.run(withKey);
	}

	private static String randomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

	private static String[] append(String[] args, String arg) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

}
