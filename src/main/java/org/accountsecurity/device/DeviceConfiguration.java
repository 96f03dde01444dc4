package org.accountsecurity.device;

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
 * The device keys (production refuses to start without them, {@link RequiredSettings};
 * local mode makes throw-away ones and says so).
 */
@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeviceConfiguration.class);

	@Bean
	DeviceKeys deviceKeys(DeviceProperties properties, Environment env) {
		List<String> keys = properties.signingKeys();
		if ((keys == null || keys.isEmpty()) && env.acceptsProfiles(Profiles.of(RequiredSettings.LOCAL_PROFILE))) {
			log.warn("No {} set: generated a throw-away key; every browser counts as new after a restart.",
					DeviceProperties.SIGNING_KEYS);
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			keys = List.of("local:" + Base64.getEncoder().encodeToString(secret));
		}
		return new DeviceKeys(keys);
	}

}
