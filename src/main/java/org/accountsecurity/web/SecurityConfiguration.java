package org.accountsecurity.web;

import org.accountsecurity.lockdown.NewDeviceAlerts;
import org.accountsecurity.secondfactor.PasskeyRelyingParty;
import org.accountsecurity.secondfactor.PasskeySignIn;
import org.accountsecurity.secondfactor.SecondSignIn;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the JSON API (HTTP Basic or a session; CSRF replaced by JSON-only
 * bodies, SameSite cookies and an Origin check) and the pages (form sign-in, CSRF
 * tokens). Both send the security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	// The reset and e-mail confirmation pages carry a token in their URL once: no Referer
	// may take it elsewhere.
	private static final RequestMatcher RESET_PAGES = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/password/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/account/email/confirm"),
			PathPatternRequestMatcher.withDefaults().matcher("/account/lockdown"),
			PathPatternRequestMatcher.withDefaults().matcher("/second-factor/removal/cancel"));

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager signIn, PublicBaseUrl base) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(signIn)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/password-resets", "/api/v1/password-resets/verify",
						"/api/v1/password-resets/complete")
				.permitAll()
				// Webinar pages read an account's cookie settings: public, no personal
				// data.
				.requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/webinar-cookie-settings")
				.permitAll()
				.requestMatchers("/api/v1/accounts/**", "/api/v1/audit-events/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.denyAll())
			.httpBasic(basic -> basic.realmName("account-security"))
			// Programs need no "where was I going": an anonymous call stores nothing.
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new OriginCheckFilter(base.publicBaseUrl()),
					org.springframework.security.web.csrf.CsrfFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
				.accessDeniedHandler(new ProblemAccessDeniedHandler()))
			.headers(headers -> headers(headers, base.isHttps()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager signIn, PublicBaseUrl base,
			SecondSignIn secondSignIn, NewDeviceAlerts alerts, PasskeySignIn passkeySignIn,
			PasskeyRelyingParty relyingParty) throws Exception {
		PageRequestCache requestCache = new PageRequestCache(base.isHttps());
		CookieCsrfTokenRepository csrfTokens = csrfCookie(base.isHttps());
		http.authenticationManager(signIn)
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.authorizeHttpRequests(auth -> auth
				// Spring Security's own passkey registration and removal: ours need a
				// proof
				// or the password (secondfactor/web).
				.requestMatchers(HttpMethod.POST, "/webauthn/register")
				.denyAll()
				.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
				.denyAll()
				.requestMatchers("/", "/login", "/password/**", "/account/email/confirm", "/css/**", "/js/**",
						"/img/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/dev/**", "/privacy", "/privacy/dpa")
				.permitAll()
				// The public key of the Security Event Tokens, for their receivers.
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
				.permitAll()
				// The second sign-in step: its controller grants nothing without a
				// pending state.
				.requestMatchers("/login/second-factor")
				.permitAll()
				// "This wasn't me" from a mail: its signed link is the credential.
				.requestMatchers("/account/lockdown")
				.permitAll()
				// The mailed link that cancels a second-factor removal: its token is the
				// proof.
				.requestMatchers("/second-factor/removal/cancel")
				.permitAll()
				.requestMatchers("/operator/**", "/actuator/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.failureHandler(new SignInFailureHandler())
				.successHandler(new TwoStepSignInHandler(secondSignIn, alerts, requestCache))
				.permitAll())
			.webAuthn(PasskeyEndpoints.of(relyingParty, passkeySignIn, alerts, requestCache, csrfTokens))
			.requestCache(cache -> cache.requestCache(requestCache))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.httpBasic(basic -> basic.realmName("account-security"))
			.headers(headers -> headers(headers, base.isHttps()));
		return http.build();
	}

	/**
	 * The CSRF token lives in a cookie (double submit, masked in the form), not in the
	 * session: anonymous pages such as forgot-password then create no Redis session at
	 * all. HttpOnly and SameSite=Lax; over HTTPS it is {@code __Host-} prefixed and
	 * Secure, so no subdomain can plant one.
	 */
	private static CookieCsrfTokenRepository csrfCookie(boolean https) {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieName(https ? "__Host-CSRF" : "CSRF");
		repository.setCookiePath("/");
		repository.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(https));
		return repository;
	}

	/**
	 * HSTS follows the public base URL, not {@code request.isSecure()}: behind a proxy
	 * that terminates TLS the service may see plain HTTP, yet every page is served over
	 * HTTPS.
	 */
	private void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
			boolean https) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.frameOptions(frame -> frame.deny())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(RESET_PAGES,
					new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(RESET_PAGES),
					new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000)
				.includeSubDomains(true)
				.requestMatcher(https ? AnyRequestMatcher.INSTANCE : request -> false));
	}

}
