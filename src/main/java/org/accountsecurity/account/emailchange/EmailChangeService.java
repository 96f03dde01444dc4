package org.accountsecurity.account.emailchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Service;

/**
 * Asks for a new e-mail address on Account details (ASVS 5 7.5.1): the current password
 * first, then the new address becomes the account's one pending change, a confirmation
 * link is queued for it and a notice for the old address. Nothing changes until the link
 * is followed ({@link EmailConfirmationService}).
 */
@Service
public class EmailChangeService {

	static final String CONFIRM_MAIL = "email-change-confirm";

	static final String NOTICE_MAIL = "email-change-notice";

	/** How long a confirmation link works, counted from when it is mailed. */
	public static final Duration LINK_TTL = Duration.ofMinutes(30);

	static final Limit WRONG_PASSWORDS = new Limit("email-change-password", 5, Duration.ofMinutes(15));

	// Each request mails two addresses: a person who knows the password must not turn
	// that into a mail cannon.
	static final Limit REQUESTS = new Limit("email-change-request", 5, Duration.ofHours(1));

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordHasher hasher;

	private final RateLimiter limiter;

	private final PendingEmailChanges pending;

	private final MailOutbox outbox;

	private final AuditLog audit;

	private final ClientAddresses clientAddresses;

	private final Clock clock;

	EmailChangeService(Accounts accounts, PasswordHasher hasher, RateLimiter limiter, PendingEmailChanges pending,
			MailOutbox outbox, AuditLog audit, ClientAddresses clientAddresses, Clock clock) {
		this.accounts = accounts;
		this.hasher = hasher;
		this.limiter = limiter;
		this.pending = pending;
		this.outbox = outbox;
		this.audit = audit;
		this.clientAddresses = clientAddresses;
		this.clock = clock;
	}

	/**
	 * Asks to change the address of {@code accountId}; {@code typedAddress} is null when
	 * it was not one value.
	 */
	public RequestResult request(UUID accountId, String typedAddress, String currentPassword, RequestOrigin origin) {
		Account account = accounts.findById(accountId).orElseThrow();
		Optional<String> parsed = EmailAddress.parse(typedAddress);
		if (parsed.isEmpty()) {
			return RequestResult.of(RequestResult.Status.INVALID_ADDRESS);
		}
		String newAddress = parsed.get();
		if (EmailAddress.key(newAddress).equals(EmailAddress.key(account.email()))) {
			return RequestResult.of(RequestResult.Status.SAME_ADDRESS);
		}
		String subject = accountId.toString();
		// Counted before BCrypt runs, so parallel guesses get at most the limit of
		// checks;
		// the right password gives its place back.
		Decision guessing = limiter.reserve(WRONG_PASSWORDS, subject);
		if (!guessing.allowed()) {
			return limited(accountId, "email_change_password", guessing, origin);
		}
		if (!hasher.matches(currentPassword, account.passwordHash())) {
			audit.record(AuditEntry.forAccount(AuditEventType.EMAIL_CHANGED, Outcome.FAILURE, "wrong_password",
					accountId, origin));
			return RequestResult.of(RequestResult.Status.WRONG_PASSWORD);
		}
		limiter.release(WRONG_PASSWORDS, subject);
		Decision sending = limiter.hit(REQUESTS, subject);
		if (!sending.allowed()) {
			return limited(accountId, "email_change_requests", sending, origin);
		}
		// Anti-enumeration: a taken address costs the same lookup, Redis write, two
		// queued messages and audit
		// event, and answers the same; only its confirmation message is one that sends
		// nothing.
		boolean taken = accounts.findByEmail(newAddress).isPresent();
		String requestId = randomId();
		pending.save(accountId, requestId, newAddress, account.credentialVersion(), LINK_TTL);
		outbox.enqueue(taken ? OutboxMessage.none() : new OutboxMessage(CONFIRM_MAIL,
				Map.of("accountId", subject, "request", requestId, "requestId", nonNull(origin.requestId()))));
		outbox.enqueue(new OutboxMessage(NOTICE_MAIL,
				Map.of("accountId", subject, "to", account.email(), "newAddress", EmailAddress.mask(newAddress),
						"requestedAt", clock.instant().toString(), "client",
						nonNull(clientAddresses.storable(origin.clientAddress())))));
		audit.record(AuditEntry.forAccount(AuditEventType.EMAIL_CHANGED, Outcome.SUCCESS,
				taken ? "requested;address_taken" : "requested", accountId, origin));
		return new RequestResult(RequestResult.Status.SENT, EmailAddress.mask(newAddress), LINK_TTL.toMinutes(), 0);
	}

	private RequestResult limited(UUID accountId, String limit, Decision decision, RequestOrigin origin) {
		audit.record(AuditEntry.forAccount(AuditEventType.RATE_LIMITED, Outcome.FAILURE, limit, accountId, origin));
		return new RequestResult(RequestResult.Status.LIMITED, null, 0, decision.retryAfterSeconds());
	}

	private static String randomId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/**
	 * The answer to a request. SENT also when the new address belongs to another account
	 * (no enumeration); {@code sentTo} is the masked new address,
	 * {@code retryAfterSeconds} is set when LIMITED.
	 */
	public record RequestResult(Status status, String sentTo, long linkMinutes, long retryAfterSeconds) {

		static RequestResult of(Status status) {
			return new RequestResult(status, null, 0, 0);
		}

		/** What became of a request. */
		public enum Status {

			SENT, INVALID_ADDRESS, SAME_ADDRESS, WRONG_PASSWORD, LIMITED

		}

	}

}
