package org.accountsecurity.privacy;

import java.time.Instant;

/** Cookie settings as an account holder chose them, and when. */
public record ChosenCookieSettings(WebinarCookieSettings settings, Instant changedAt) {
}
