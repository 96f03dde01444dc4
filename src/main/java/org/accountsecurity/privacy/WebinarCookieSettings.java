package org.accountsecurity.privacy;

/**
 * Which cookie categories an account's webinar pages (registration form, waiting room,
 * profile, sign-in and thank-you pages) may place. Necessary cookies are always allowed;
 * the others only when the account holder chose them.
 */
public record WebinarCookieSettings(boolean functional, boolean analytics, boolean marketing) {

	/** What an account that never chose has, and what an unknown id answers. */
	public static final WebinarCookieSettings DEFAULTS = new WebinarCookieSettings(false, false, false);

	public boolean necessary() {
		return true;
	}

}
