package org.accountsecurity.bench.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What the profile {@code bench} adds: the bare endpoint and the seeder, behind a filter chain of their own that
 * is built like the API's (no CSRF, no session, the default security headers).
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
@Import({ BareController.class, SeedController.class })
public class BenchConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain benchEndpoints(HttpSecurity http) throws Exception {
		http.securityMatcher("/bench/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

}
