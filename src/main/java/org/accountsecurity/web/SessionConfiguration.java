package org.accountsecurity.web;

import org.accountsecurity.account.SessionValidity;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions live in Redis, indexed by principal name (the account id), so that any
 * instance serves any request and a password change can end every session of the account.
 * Set up by hand, not by Boot's Spring Session module, which was not resolvable here
 * (docs/stack.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisIndexedHttpSession(redisNamespace = "ass:session", maxInactiveIntervalInSeconds = 1800)
class SessionConfiguration {

	/**
	 * Every filter chain (Spring Security applies {@code Customizer<HttpSecurity>} beans
	 * to each) signs out stale sessions right after loading their security context.
	 */
	@Bean
	Customizer<HttpSecurity> staleSessionsSignedOut(SessionValidity validity) {
		return http -> http.addFilterAfter(new StaleSessionFilter(validity), SecurityContextHolderFilter.class);
	}

	/**
	 * HttpOnly, SameSite=Lax, Secure over HTTPS. Served over HTTPS the name gets the
	 * {@code __Host-} prefix, which browsers accept only from a secure origin with Path=/
	 * and no Domain (no subdomain can plant it).
	 */
	@Bean
	CookieSerializer cookieSerializer(PublicBaseUrl base) {
		boolean https = base.isHttps();
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(https ? "__Host-SESSION" : "SESSION");
		cookies.setCookiePath("/");
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		if (https) {
			cookies.setUseSecureCookie(true);
		}
		return cookies;
	}

}
