package org.accountsecurity.privacy.web;

import org.accountsecurity.privacy.WebinarCookieSettings;

/**
 * The cookie settings form: a checkbox sends its field only when ticked, so an absent
 * field is a category switched off.
 */
record WebinarCookiesForm(Boolean functional, Boolean analytics, Boolean marketing) {

	WebinarCookieSettings settings() {
		return new WebinarCookieSettings(Boolean.TRUE.equals(functional), Boolean.TRUE.equals(analytics),
				Boolean.TRUE.equals(marketing));
	}

}
