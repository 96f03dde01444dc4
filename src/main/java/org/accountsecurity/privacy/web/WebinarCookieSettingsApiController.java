package org.accountsecurity.privacy.web;

import java.time.Duration;
import java.util.UUID;

import org.accountsecurity.privacy.PrivacyProperties;
import org.accountsecurity.privacy.PrivacySettings;
import org.accountsecurity.privacy.WebinarCookieSettings;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What webinar pages read to know which cookies they may place: public, no personal data.
 * An id without settings, known or not, answers the defaults, so the answer never tells
 * whether an account exists. Cacheable for a minute, with an ETag of the content (304 on
 * If-None-Match). CORS only for the configured webinar origins, exact match, GET only, no
 * credentials; any other origin gets the JSON without CORS headers, which its browser
 * then withholds from the page.
 */
@RestController
class WebinarCookieSettingsApiController {

	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private final PrivacySettings privacy;

	private final PrivacyProperties properties;

	WebinarCookieSettingsApiController(PrivacySettings privacy, PrivacyProperties properties) {
		this.privacy = privacy;
		this.properties = properties;
	}

	@GetMapping("/api/v1/accounts/{id}/webinar-cookie-settings")
	ResponseEntity<WebinarCookieSettingsResponse> show(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		WebinarCookieSettings settings = privacy.cookieSettings(id);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.eTag(etag(settings))
			.varyBy(HttpHeaders.ORIGIN);
		if (origin != null && properties.webinarOrigins().contains(origin)) {
			answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET");
			answer.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.ETAG);
		}
		return answer.body(WebinarCookieSettingsResponse.of(settings));
	}

	// The content alone decides the tag: the same settings give the same tag for any id.
	private static String etag(WebinarCookieSettings settings) {
		return "\"wcs1-" + bit(settings.functional()) + bit(settings.analytics()) + bit(settings.marketing()) + "\"";
	}

	private static char bit(boolean value) {
		return value ? '1' : '0';
	}

	/** The JSON webinar pages read; {@code necessary} is always true. */
	record WebinarCookieSettingsResponse(boolean necessary, boolean functional, boolean analytics, boolean marketing) {

		static WebinarCookieSettingsResponse of(WebinarCookieSettings settings) {
			return new WebinarCookieSettingsResponse(settings.necessary(), settings.functional(), settings.analytics(),
					settings.marketing());
		}

	}

}
