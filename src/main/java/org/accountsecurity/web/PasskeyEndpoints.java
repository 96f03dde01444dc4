package org.accountsecurity.web;

import java.util.List;

import org.accountsecurity.account.AccountLockedDown;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.lockdown.NewDeviceAlerts;
import org.accountsecurity.secondfactor.PasskeyRelyingParty;
import org.accountsecurity.secondfactor.PasskeySignIn;
import org.accountsecurity.secondfactor.PasskeySignInThrottled;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;

/**
 * Spring Security's WebAuthn endpoints on the pages:
 * {@code POST /webauthn/authenticate/options} and {@code POST /login/webauthn} (sign-in),
 * {@code POST /webauthn/register/options} (creation options for a signed-in account). Its
 * sign-in filter is given what a form sign-in has: {@link PasskeySignIn} as its only
 * authentication manager, a new session id and CSRF token, the saved page to return to; a
 * refusal is a bare 401 (429 when throttled, 423 when the holder locked the account
 * down). Its default registration page is off; {@code POST /webauthn/register} and
 * {@code DELETE /webauthn/register/{id}} are denied in {@link SecurityConfiguration}.
 */
final class PasskeyEndpoints {

	private PasskeyEndpoints() {
	}

	static Customizer<WebAuthnConfigurer<HttpSecurity>> of(PasskeyRelyingParty relyingParty, PasskeySignIn signIn,
			NewDeviceAlerts alerts, RequestCache requestCache, CsrfTokenRepository csrf) {
		return webAuthn -> webAuthn.rpId(relyingParty.id())
			.rpName(PasskeyRelyingParty.NAME)
			.allowedOrigins(relyingParty.origin())
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {

				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(attempt -> signIn
						.authenticate(((WebAuthnAuthenticationRequestToken) attempt).getWebAuthnRequest()));
					filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List
						.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf))));
					HttpMessageConverterAuthenticationSuccessHandler success = new HttpMessageConverterAuthenticationSuccessHandler();
					success.setRequestCache(requestCache);
					// A passkey sign-in is complete: a browser new to the account is told
					// of.
					filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
						alerts.signedIn(request, response, (AccountUser) authentication.getPrincipal());
						success.onAuthenticationSuccess(request, response, authentication);
					});
					filter.setAuthenticationFailureHandler((request, response, ex) -> {
						if (ex instanceof AccountLockedDown) {
							// 423 Locked: the page sends the holder to /login?locked.
							response.setStatus(423);
						}
						else if (ex instanceof PasskeySignInThrottled throttled) {
							response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
							response.setStatus(429);
						}
						else {
							response.setStatus(401);
						}
					});
					return filter;
				}

			});
	}

}
