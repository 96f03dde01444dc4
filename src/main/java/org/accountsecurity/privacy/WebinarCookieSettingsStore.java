package org.accountsecurity.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's cookie settings for webinar pages (table
 * {@code webinar_cookie_settings}).
 */
@Repository
class WebinarCookieSettingsStore {

	private final JdbcClient jdbc;

	WebinarCookieSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ChosenCookieSettings> find(UUID accountId) {
		return jdbc.sql(
				"select functional, analytics, marketing, changed_at from webinar_cookie_settings where account_id = ?")
			.param(accountId)
			.query((rs,
					row) -> new ChosenCookieSettings(new WebinarCookieSettings(rs.getBoolean("functional"),
							rs.getBoolean("analytics"), rs.getBoolean("marketing")),
							rs.getTimestamp("changed_at").toInstant()))
			.optional();
	}

	/**
	 * Replaces the account's settings. A parallel first save may make the insert fail on
	 * the primary key; the caller retries its transaction, which then updates.
	 */
	void save(UUID accountId, WebinarCookieSettings settings, Instant now) {
		Timestamp at = Timestamp.from(now);
		int updated = jdbc
			.sql("update webinar_cookie_settings set functional = ?, analytics = ?, marketing = ?, changed_at = ? "
					+ "where account_id = ?")
			.params(settings.functional(), settings.analytics(), settings.marketing(), at, accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into webinar_cookie_settings (account_id, functional, analytics, marketing, changed_at) "
					+ "values (?, ?, ?, ?, ?)")
				.params(accountId, settings.functional(), settings.analytics(), settings.marketing(), at)
				.update();
		}
	}

}
