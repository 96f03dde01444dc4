package org.accountsecurity.device;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The device cookie ({@code __Host-device} over https, {@code device} on plain http;
 * HttpOnly, SameSite=Lax, one year): signed with {@link DeviceKeys}, so an unsigned,
 * altered or foreign cookie counts as none. It names the accounts that completed a
 * sign-in in this browser (OWASP device cookies).
 */
@Component
public class DeviceCookies {

	static final String PURPOSE = "device-cookie";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DeviceKeys keys;

	private final DeviceProperties properties;

	private final boolean https;

	DeviceCookies(DeviceKeys keys, DeviceProperties properties, PublicBaseUrl base) {
		this.keys = keys;
		this.properties = properties;
		this.https = base.isHttps();
	}

	/** The valid device cookie of this request; empty when none (or a forged one). */
	public Optional<DeviceCookie> read(HttpServletRequest request) {
		Cookie[] cookies = request == null ? null : request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (name().equals(cookie.getName())) {
				Optional<DeviceCookie> valid = keys.verify(PURPOSE, cookie.getValue()).flatMap(DeviceCookies::parse);
				if (valid.isPresent()) {
					return valid;
				}
			}
		}
		return Optional.empty();
	}

	/** The browser's id when its valid cookie names {@code accountId}. */
	public Optional<String> deviceOf(HttpServletRequest request, UUID accountId) {
		return read(request).filter(cookie -> cookie.names(accountId)).map(DeviceCookie::deviceId);
	}

	/**
	 * After a complete sign-in of {@code accountId}: sets the cookie naming it first (the
	 * browser's id kept, a new one for a browser without a valid cookie). Returns whether
	 * the browser was known to the account already. Call before the response is
	 * committed.
	 */
	public boolean remember(HttpServletRequest request, HttpServletResponse response, UUID accountId) {
		Optional<DeviceCookie> current = read(request);
		boolean known = current.map(cookie -> cookie.names(accountId)).orElse(false);
		List<UUID> accounts = new ArrayList<>();
		accounts.add(accountId);
		current.ifPresent(cookie -> cookie.accounts()
			.stream()
			.filter(id -> !id.equals(accountId))
			.limit(properties.accountsPerBrowser() - 1L)
			.forEach(accounts::add));
		String deviceId = current.map(DeviceCookie::deviceId).orElseGet(DeviceCookies::newDeviceId);
		List<String> fields = new ArrayList<>();
		fields.add(deviceId);
		accounts.forEach(id -> fields.add(id.toString()));
		ResponseCookie cookie = ResponseCookie.from(name(), keys.sign(PURPOSE, fields))
			.httpOnly(true)
			.secure(https)
			.sameSite("Lax")
			.path("/")
			.maxAge(properties.cookieMaxAge())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return known;
	}

	/** The cookie's name: {@code __Host-} prefixed over https. */
	public String name() {
		return https ? "__Host-device" : "device";
	}

	private static Optional<DeviceCookie> parse(List<String> fields) {
		if (fields.size() < 2) {
			return Optional.empty();
		}
		try {
			List<UUID> accounts = fields.subList(1, fields.size()).stream().map(UUID::fromString).toList();
			return Optional.of(new DeviceCookie(fields.get(0), accounts));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String newDeviceId() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
