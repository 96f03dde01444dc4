package org.accountsecurity.web;

import org.accountsecurity.secondfactor.SecondSignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/** Every filter chain refuses HTTP Basic for accounts with a second factor. */
@Configuration(proxyBeanMethods = false)
class SingleFactorBasicConfiguration {

	@Bean
	Customizer<HttpSecurity> basicOnlyForSingleFactor(SecondSignIn secondSignIn) {
		return http -> http.addFilterAfter(new SingleFactorBasicFilter(secondSignIn), BasicAuthenticationFilter.class);
	}

}
