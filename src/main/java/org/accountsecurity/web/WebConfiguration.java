package org.accountsecurity.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Locale resolution, the {@code ?lang=} switch and the icons' caching. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final Duration ICON_MAX_AGE = Duration.ofDays(7);

	@Bean
	LocaleResolver localeResolver() {
		return new AccountLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(AccountLocaleResolver.PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/**
	 * The icons change almost never and every page asks for them: browsers may keep them
	 * for a week (everything else is sent with no-store).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl week = CacheControl.maxAge(ICON_MAX_AGE).cachePublic();
		registry.addResourceHandler("/favicon.*").addResourceLocations("classpath:/static/").setCacheControl(week);
		registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").setCacheControl(week);
	}

}
