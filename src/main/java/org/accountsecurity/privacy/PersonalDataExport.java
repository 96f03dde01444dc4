package org.accountsecurity.privacy;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.ActiveSession;
import org.accountsecurity.account.ActiveSessions;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.SecondFactorInventory;
import org.accountsecurity.secondfactor.SecondFactorInventory.Factor;

import org.springframework.stereotype.Service;

/**
 * <em>Download my data</em> (GDPR Art. 15 and 20): one JSON document with the holder's
 * profile, sessions, second factors (kinds and dates, never a secret), agreement, cookie
 * settings and own security events. Everything but the events is read and the export
 * audited before the first byte is written; the events follow in chunks, at most
 * {@value #EVENT_CAP}, so the cost is bounded whatever the history.
 */
@Service
public class PersonalDataExport {

	static final long EVENT_CAP = 10_000;

	/** Downloads per account and hour: each reads up to {@value #EVENT_CAP} events. */
	static final int EXPORTS_PER_HOUR = 10;

	private static final Limit LIMIT = new Limit("personal-data-export", EXPORTS_PER_HOUR, Duration.ofHours(1));

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Accounts accounts;

	private final ActiveSessions sessions;

	private final SecondFactorInventory secondFactors;

	private final PrivacySettings privacy;

	private final AuditTrail trail;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final RateLimiter limiter;

	PersonalDataExport(Accounts accounts, ActiveSessions sessions, SecondFactorInventory secondFactors,
			PrivacySettings privacy, AuditTrail trail, AuditLog audit, JsonMapper json, Clock clock,
			RateLimiter limiter) {
		this.limiter = limiter;
		this.accounts = accounts;
		this.sessions = sessions;
		this.secondFactors = secondFactors;
		this.privacy = privacy;
		this.trail = trail;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Gathers the small parts and records the export; the caller then writes it. Over the
	 * hourly limit it records {@code RATE_LIMITED} and throws {@link ExportLimitReached}.
	 */
	public Prepared prepare(UUID accountId, RequestOrigin origin) {
		Decision decision = limiter.reserve(LIMIT, accountId.toString());
		if (!decision.allowed()) {
			audit.record(AuditEntry.forAccount(AuditEventType.RATE_LIMITED, Outcome.FAILURE, "personal_data_export",
					accountId, origin));
			throw new ExportLimitReached(Math.max(1, decision.retryAfterSeconds()));
		}
		Account account = accounts.findById(accountId).orElseThrow(AccountNotFound::new);
		List<ActiveSession> activeSessions = sessions.of(accountId);
		List<Factor> factors = secondFactors.of(accountId);
		Optional<DpaAcceptance> dpa = privacy.dpa(accountId);
		Optional<ChosenCookieSettings> cookies = privacy.chosenCookieSettings(accountId);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		audit.record(
				AuditEntry.forAccount(AuditEventType.PERSONAL_DATA_EXPORTED, Outcome.SUCCESS, null, accountId, origin));
		return new Prepared(new Parts(account, activeSessions, factors, dpa, cookies, now));
	}

	/** What an export holds besides the events, read before its first byte. */
	private record Parts(Account account, List<ActiveSession> activeSessions, List<Factor> factors,
			Optional<DpaAcceptance> dpa, Optional<ChosenCookieSettings> cookies, Instant exportedAt) {
	}

	/** An export ready to be written: its parts read, its audit event recorded. */
	public final class Prepared {

		private final Parts parts;

		private Prepared(Parts parts) {
			this.parts = parts;
		}

		/** {@code my-data-<time>.json}: no name or address in the file name. */
		public String filename() {
			return "my-data-" + STAMP.format(parts.exportedAt()) + ".json";
		}

		public void writeTo(OutputStream stream) {
			try (JsonGenerator out = json.createGenerator(stream)) {
				out.writeStartObject();
				out.writeStringProperty("exportedAt", parts.exportedAt().toString());
				ExportParts.profile(out, parts.account());
				ExportParts.sessions(out, parts.activeSessions());
				ExportParts.secondFactors(out, parts.factors());
				ExportParts.dpa(out, parts.dpa(), privacy.currentDpaVersion());
				ExportParts.cookies(out, parts.cookies());
				out.writeName("securityEvents");
				out.writeStartArray();
				long count = trail.forEachOfAccount(parts.account().id(), EVENT_CAP,
						event -> ExportParts.event(out, event));
				out.writeEndArray();
				out.writeBooleanProperty("securityEventsTruncated", count >= EVENT_CAP);
				out.writeEndObject();
			}
		}

	}

}
