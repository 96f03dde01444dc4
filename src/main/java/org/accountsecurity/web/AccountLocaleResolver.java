package org.accountsecurity.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Language;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: the signed-in account's, else {@code ?lang=} (remembered in a
 * cookie), else the best match of {@code Accept-Language} among en, de and pl.
 */
class AccountLocaleResolver implements LocaleResolver {

	static final String PARAMETER = "lang";

	private static final String COOKIE = "lang";

	private static final List<Locale> SUPPORTED = List.of(Language.values()).stream().map(Language::locale).toList();

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AccountUser user) {
			return user.language().locale();
		}
		var chosen = Language.fromCode(request.getParameter(PARAMETER)).or(() -> Language.fromCode(cookie(request)));
		if (chosen.isPresent()) {
			return chosen.get().locale();
		}
		if (request.getHeader("Accept-Language") == null) {
			return Language.EN.locale();
		}
		Locale best = Locale.lookup(Locale.LanguageRange.parse(safe(request.getHeader("Accept-Language"))), SUPPORTED);
		return best == null ? Language.EN.locale() : best;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<Language> language = locale == null ? Optional.empty() : Language.fromCode(locale.getLanguage());
		if (language.isEmpty()) {
			return;
		}
		Cookie cookie = new Cookie(COOKIE, language.get().code());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		cookie.setSecure(request.isSecure());
		response.addCookie(cookie);
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	// A malformed header must not turn into an error page.
	private static String safe(String header) {
		try {
			Locale.LanguageRange.parse(header);
			return header;
		}
		catch (IllegalArgumentException ex) {
			return "en";
		}
	}

}
