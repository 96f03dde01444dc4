package org.accountsecurity.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's privacy choices: the data processing agreement it accepted and the cookie
 * categories its webinar pages may place. Each change is written with its audit event in
 * one transaction.
 */
@Service
public class PrivacySettings {

	private final DpaAcceptances acceptances;

	private final WebinarCookieSettingsStore cookieSettings;

	private final PrivacyProperties properties;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PrivacySettings(DpaAcceptances acceptances, WebinarCookieSettingsStore cookieSettings, PrivacyProperties properties,
			AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.acceptances = acceptances;
		this.cookieSettings = cookieSettings;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public String currentDpaVersion() {
		return properties.dpaVersion();
	}

	public Optional<DpaAcceptance> dpa(UUID accountId) {
		return acceptances.find(accountId);
	}

	/** Records that the account accepts the current version of the agreement, now. */
	public DpaAcceptance acceptDpa(UUID accountId, RequestOrigin origin) {
		DpaAcceptance acceptance = new DpaAcceptance(properties.dpaVersion(), now());
		return once(() -> {
			acceptances.save(accountId, acceptance);
			audit.record(AuditEntry.forAccount(AuditEventType.DPA_ACCEPTED, Outcome.SUCCESS, null, accountId, origin)
				.with("version", acceptance.version()));
			return acceptance;
		});
	}

	/** The settings the account chose, or the defaults. */
	public WebinarCookieSettings cookieSettings(UUID accountId) {
		return cookieSettings.find(accountId)
			.map(ChosenCookieSettings::settings)
			.orElse(WebinarCookieSettings.DEFAULTS);
	}

	/** The settings with the time they were chosen; empty while the defaults apply. */
	public Optional<ChosenCookieSettings> chosenCookieSettings(UUID accountId) {
		return cookieSettings.find(accountId);
	}

	/**
	 * Stores the account's new settings; the audit event names them (no personal data).
	 */
	public WebinarCookieSettings changeCookieSettings(UUID accountId, WebinarCookieSettings settings,
			RequestOrigin origin) {
		Instant now = now();
		return once(() -> {
			cookieSettings.save(accountId, settings, now);
			audit.record(AuditEntry
				.forAccount(AuditEventType.COOKIE_SETTINGS_CHANGED, Outcome.SUCCESS, null, accountId, origin)
				.with("necessary", "true")
				.with("functional", Boolean.toString(settings.functional()))
				.with("analytics", Boolean.toString(settings.analytics()))
				.with("marketing", Boolean.toString(settings.marketing())));
			return settings;
		});
	}

	// Two first saves of one account race on the primary key: the loser's transaction
	// (with its audit event) rolls back whole, and its second run updates the winner's
	// row.
	private <T> T once(Supplier<T> change) {
		try {
			return transactions.execute(status -> change.get());
		}
		catch (DuplicateKeyException ex) {
			return transactions.execute(status -> change.get());
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
