package org.accountsecurity.passwordreset;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.TestAccountStore;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.afterchange.TestAfterChangeSteps;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.audit.TestAuditLog;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.mail.TestOutbox;
import org.accountsecurity.password.BreachCheckProperties;
import org.accountsecurity.password.BreachedPasswords;
import org.accountsecurity.password.CompromisedPasswords;
import org.accountsecurity.password.GuessEstimate;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.password.PasswordPolicy;
import org.accountsecurity.password.PasswordProperties;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.TestRateLimiter;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.requester.TestRequester;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.TestDatabase;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The reset core of one test without Spring, built from its real parts: accounts and the
 * audit log on a fresh H2 database, limits and the outbox on the given Redis, links in
 * the in-memory store, the real password policy and hasher (BCrypt at the lowest cost the
 * settings allow), and a clock that stands still until a test moves it.
 */
final class ResetCore implements AutoCloseable {

	static final Duration TTL = Duration.ofMinutes(30);

	static final int PER_ACCOUNT = 3;

	static final int PER_CLIENT = 5;

	static final int PER_OPERATOR = 2;

	static final Duration WINDOW = Duration.ofHours(1);

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final RequestOrigin ORIGIN = new RequestOrigin("192.0.2.10", "JUnit", "request-1");

	static final String PASSWORD = "silver lining over a quiet harbour";

	/** zxcvbn's dictionaries take a while to load: one estimator for every test. */
	private static final GuessEstimate GUESSES = new GuessEstimate();

	final TestClock clock = TestClock.fixedAt(Instant.parse("2026-03-01T09:00:00Z"));

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final TestDatabase database = TestDatabase.migrated();

	final StringRedisTemplate redis;

	final ResetProperties properties = new ResetProperties(TTL, List.of(ServiceTest.SIGNING_KEY),
			new ResetProperties.PerAccountLimit(PER_ACCOUNT, WINDOW),
			new ResetProperties.PerClientLimit(PER_CLIENT, CLIENT_WINDOW),
			new ResetProperties.LinkCheckLimit(60, CLIENT_WINDOW),
			new ResetProperties.PerOperatorLimit(PER_OPERATOR, WINDOW));

	final PasswordProperties passwordProperties = new PasswordProperties(15, 128, 10, 1);

	final Pseudonyms pseudonyms = TestRequester.pseudonyms(ServiceTest.SIGNING_KEY);

	final ClientAddresses clientAddresses = TestRequester.clientAddresses(pseudonyms);

	final Accounts accounts = TestAccountStore.on(database.jdbc(), passwordProperties);

	final AuditLog audit = TestAuditLog.on(database, clock, pseudonyms, clientAddresses, meters);

	final RateLimiter limiter;

	final MailOutbox outbox;

	final PasswordChangedNoticeStep notice;

	final ResetTokens tokens = new ResetTokens(properties, new InMemoryResetLinkStore(clock), clock, meters);

	final PasswordHasher hasher = new PasswordHasher(passwordProperties);

	final PasswordPolicy policy = new PasswordPolicy(passwordProperties, hasher, new BreachedPasswords(), GUESSES,
			new CompromisedPasswords(new BreachCheckProperties(BreachCheckProperties.Mode.OFF,
					URI.create("https://api.pwnedpasswords.com/range/"), Duration.ofSeconds(2))));

	ResetCore(StringRedisTemplate redis) {
		this.redis = redis;
		this.limiter = TestRateLimiter.on(redis, meters);
		this.outbox = new MailOutbox(redis, meters);
		this.notice = new PasswordChangedNoticeStep(outbox, clientAddresses, clock);
	}

	PasswordResetService resetService() {
		return new PasswordResetService(accounts, limiter, audit, new ResetJobs(outbox, audit, clientAddresses, clock),
				pseudonyms, properties, meters, clock, new OperatorResetLimits(limiter, audit, properties));
	}

	/**
	 * The change service with the real steps that revoke links and queue the notice, and
	 * {@code endSessions} for the step that needs Spring Session.
	 */
	PasswordChangeService changeService(AfterChangeStepHandler endSessions) {
		List<AfterChangeStepHandler> steps = List.of(new RevokeResetLinksStep(tokens), endSessions, notice);
		return new PasswordChangeService(accounts, tokens, policy, hasher, passwordProperties, audit,
				TestAfterChangeSteps.on(database.jdbc(), clock, meters, steps), notice, database.transaction(), clock,
				meters);
	}

	/** A user with its own address and {@link #PASSWORD}. */
	Account newAccount() {
		return TestAccountStore.insertUser(accounts, hasher, PASSWORD, clock.instant());
	}

	Account reload(Account account) {
		return accounts.findById(account.id()).orElseThrow();
	}

	/** Every audit event so far, oldest first. */
	List<Recorded> audited() {
		return database.rows("audit_event", "id").stream().map(Recorded::of).toList();
	}

	/** Every mail job in the outbox, oldest first. */
	List<OutboxMessage> queued() {
		return TestOutbox.queued(redis);
	}

	@Override
	public void close() {
		database.close();
	}

	/**
	 * One stored audit event: what tests assert on (type, outcome, whom it names), and
	 * every column, to show what it must not hold.
	 */
	record Recorded(AuditEventType type, Outcome outcome, UUID accountId, String subjectHash, String actor,
			Map<String, Object> columns) {

		static Recorded of(Map<String, Object> row) {
			Object accountId = row.get("account_id");
			return new Recorded(AuditEventType.valueOf((String) row.get("type")),
					Outcome.valueOf((String) row.get("outcome")),
					accountId == null ? null : UUID.fromString(accountId.toString()), (String) row.get("subject_hash"),
					(String) row.get("actor"), row);
		}

		/** Whether any column holds {@code text}. */
		boolean mentions(String text) {
			return columns.values().stream().anyMatch(value -> value != null && value.toString().contains(text));
		}

	}

}
