package org.accountsecurity.account;

import org.accountsecurity.device.DeviceCookies;
import org.accountsecurity.password.PasswordHasher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;

/**
 * Sign-in by e-mail and password. Spring Security's provider checks the password against
 * a dummy hash when the account is unknown (same time either way) and upgrades plain or
 * weaker hashes after a good sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordHasher hasher,
			SignInThrottle throttle, DeviceCookies devices, Accounts accounts, SignInGate gate,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(hasher.passwordEncoder());
		provider.setUserDetailsPasswordService(users);
		ProviderManager manager = new ProviderManager(
				new ThrottledAuthenticationProvider(provider, throttle, devices, accounts, gate));
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		manager.setAuthenticationEventPublisher(publisher);
		return manager;
	}

}
