package org.accountsecurity.secondfactor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.accountsecurity.system.RequiredSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The cipher of TOTP secrets. Production mode refuses to start without its key
 * ({@link RequiredSettings}); local mode makes a throw-away one and says so, as it does
 * for the reset signing keys.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorConfiguration.class);

	@Bean
	SecretCipher secretCipher(SecondFactorProperties properties, Environment env) {
		List<String> keys = properties.encryptionKey();
		if ((keys == null || keys.isEmpty()) && env.acceptsProfiles(Profiles.of(RequiredSettings.LOCAL_PROFILE))) {
			log.warn("No {} set: generated a throw-away key; TOTP enrolments die with this process.",
					SecretCipher.SETTING);
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			keys = List.of("local:" + Base64.getEncoder().encodeToString(secret));
		}
		return new SecretCipher(keys);
	}

}
