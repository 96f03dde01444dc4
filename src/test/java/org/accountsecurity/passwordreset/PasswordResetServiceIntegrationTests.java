package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.passwordreset.PasswordResetService.SelfResetOutcome;
import org.accountsecurity.passwordreset.ResetCore.Recorded;
import org.accountsecurity.requester.RequestOrigin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.accountsecurity.passwordreset.ResetCore.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reset requests without Spring: {@link PasswordResetService} on a fixed clock, with the
 * real limiter and outbox on a test Redis, and the real accounts and audit log on H2.
 */
class PasswordResetServiceIntegrationTests extends ResetCoreIntegrationTest {

	PasswordResetService service;

	@BeforeEach
	void setUp() {
		service = core.resetService();
	}

	@Test
	void aForgotRequestForAKnownAddressQueuesOneResetLinkJobAndRecordsTheRequest() {
		Account account = core.newAccount();

		ResetRequestOutcome outcome = service.requestForgotten(account.email().toUpperCase(Locale.ROOT), ORIGIN);

		assertThat(outcome).isEqualTo(ResetRequestOutcome.ACCEPTED);
		assertThat(core.queued()).singleElement().satisfies(job -> {
			assertThat(job.kind()).isEqualTo(ResetJobs.RESET_LINK);
			assertThat(job.fields()).containsOnlyKeys("accountId", "trigger", "client", "requestedAt", "requestId")
				.containsEntry("accountId", account.id().toString())
				.containsEntry("trigger", ResetTrigger.FORGOT.code())
				.containsEntry("requestedAt", core.clock.instant().toString());
		});
		assertThat(core.audited()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RESET_REQUESTED);
			assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(event.accountId()).isEqualTo(account.id());
		});
	}

	@Test
	void aForgotRequestForAnUnknownAddressQueuesAndRecordsAsMuchUnderItsPseudonym() {
		String typed = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

		ResetRequestOutcome outcome = service.requestForgotten(typed, ORIGIN);

		assertThat(outcome).isEqualTo(ResetRequestOutcome.ACCEPTED);
		assertThat(core.queued()).singleElement().satisfies(job -> {
			assertThat(job.kind()).isEqualTo(OutboxMessage.NONE);
			// The fields of a link job, so that both cost Redis and the request the same.
			assertThat(job.fields()).containsOnlyKeys("accountId", "trigger", "client", "requestedAt", "requestId")
				.containsEntry("accountId", new UUID(0, 0).toString())
				.containsEntry("trigger", ResetTrigger.FORGOT.code())
				.containsEntry("requestedAt", core.clock.instant().toString());
		});
		assertThat(core.audited()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RESET_REQUESTED);
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.columns()).containsEntry("details", "{\"trigger\":\"forgot\"}");
			assertThat(event.accountId()).isNull();
			assertThat(event.subjectHash()).isEqualTo(core.pseudonyms.ofEmail(typed));
			assertThat(event.mentions(typed.substring(0, typed.indexOf('@')))).isFalse();
		});
	}

	@Test
	void pastThePerAccountLimitAForgotRequestIsAcceptedAndSendsNothing() {
		Account account = core.newAccount();
		for (int i = 0; i < ResetCore.PER_ACCOUNT; i++) {
			service.requestForgotten(account.email(), ORIGIN);
		}

		ResetRequestOutcome outcome = service.requestForgotten(account.email(), ORIGIN);

		assertThat(outcome).isEqualTo(ResetRequestOutcome.ACCEPTED);
		assertThat(core.queued()).extracting(OutboxMessage::kind)
			.containsExactly(ResetJobs.RESET_LINK, ResetJobs.RESET_LINK, ResetJobs.RESET_LINK, OutboxMessage.NONE);
		assertThat(core.audited()).last().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RATE_LIMITED);
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.accountId()).isEqualTo(account.id());
		});
	}

	@Test
	void pastThePerClientLimitARequestIsAnsweredLimitedWithARetryAfter() {
		for (int i = 0; i < ResetCore.PER_CLIENT; i++) {
			service.requestForgotten("nobody-" + i + "@example.test", ORIGIN);
		}

		ResetRequestOutcome outcome = service.requestForgotten("one-more@example.test", ORIGIN);

		assertThat(outcome.clientLimited()).isTrue();
		assertThat(outcome.retryAfterSeconds()).isBetween(1L, ResetCore.CLIENT_WINDOW.toSeconds());
		assertThat(core.queued()).hasSize(ResetCore.PER_CLIENT);
		assertThat(core.audited()).last().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RATE_LIMITED);
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.subjectHash()).isEqualTo(core.pseudonyms.ofEmail("one-more@example.test"));
		});
		RequestOrigin otherClient = new RequestOrigin("198.51.100.7", "JUnit", "request-2");
		assertThat(service.requestForgotten("one-more@example.test", otherClient))
			.isEqualTo(ResetRequestOutcome.ACCEPTED);
	}

	@Test
	void aSelfServiceRequestTellsTheStoredAddressAndAnExpiryFromTheClock() {
		Account account = core.newAccount();
		Instant now = core.clock.instant();

		SelfResetOutcome first = service.requestForAccount(account.id(), ORIGIN);
		core.clock.advance(Duration.ofMinutes(7));
		SelfResetOutcome second = service.requestForAccount(account.id(), ORIGIN);

		// The address the link goes to; the page shows it masked
		// (AccountResetController).
		assertThat(first.email()).isEqualTo(account.email());
		assertThat(first.limited()).isFalse();
		assertThat(first.ttlMinutes()).isEqualTo(30);
		assertThat(first.expiresAt()).isEqualTo(now.plus(ResetCore.TTL));
		assertThat(second.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(7)).plus(ResetCore.TTL));
		assertThat(core.queued()).hasSize(2)
			.allSatisfy(job -> assertThat(job.fields()).containsEntry("accountId", account.id().toString())
				.containsEntry("trigger", ResetTrigger.SELF.code()));
	}

	@Test
	void aSelfServiceRequestPastThePerAccountLimitSaysSoAndSendsNothing() {
		Account account = core.newAccount();
		for (int i = 0; i < ResetCore.PER_ACCOUNT; i++) {
			service.requestForAccount(account.id(), ORIGIN);
		}

		SelfResetOutcome outcome = service.requestForAccount(account.id(), ORIGIN);

		assertThat(outcome.limited()).isTrue();
		assertThat(core.queued()).last().extracting(OutboxMessage::kind).isEqualTo(OutboxMessage.NONE);
		assertThat(core.audited()).last().extracting(Recorded::type).isEqualTo(AuditEventType.RATE_LIMITED);
	}

	@Test
	void anOperatorIsLimitedPerOperatorAndTold() {
		UUID operator = UUID.randomUUID();
		for (int i = 0; i < ResetCore.PER_OPERATOR; i++) {
			assertThat(service.requestByOperator(core.newAccount().id(), operator, ORIGIN))
				.hasValueSatisfying(sent -> assertThat(sent.sent()).isTrue());
		}
		Account account = core.newAccount();

		Optional<OperatorResetOutcome> outcome = service.requestByOperator(account.id(), operator, ORIGIN);

		assertThat(outcome).hasValueSatisfying(refused -> {
			assertThat(refused.limit()).isEqualTo(OperatorResetOutcome.Limit.PER_OPERATOR);
			assertThat(refused.retryAfterSeconds()).isBetween(1L, ResetCore.WINDOW.toSeconds());
			assertThat(refused.email()).isEqualTo(account.email());
		});
		assertThat(core.queued()).hasSize(ResetCore.PER_OPERATOR)
			.allSatisfy(job -> assertThat(job.fields()).containsEntry("trigger", ResetTrigger.OPERATOR.code()));
		assertThat(core.audited()).last().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RATE_LIMITED);
			assertThat(event.accountId()).isEqualTo(account.id());
			assertThat(event.actor()).isEqualTo(AuditEntry.operator(operator));
		});
	}

	@Test
	void anOperatorIsLimitedPerAccountTogetherWithTheHoldersOwnRequests() {
		Account account = core.newAccount();
		for (int i = 0; i < ResetCore.PER_ACCOUNT - 1; i++) {
			service.requestForAccount(account.id(), ORIGIN);
		}
		Optional<OperatorResetOutcome> last = service.requestByOperator(account.id(), UUID.randomUUID(), ORIGIN);

		Optional<OperatorResetOutcome> outcome = service.requestByOperator(account.id(), UUID.randomUUID(), ORIGIN);

		assertThat(last).hasValueSatisfying(sent -> assertThat(sent.sent()).isTrue());
		assertThat(outcome).hasValueSatisfying(refused -> {
			assertThat(refused.limit()).isEqualTo(OperatorResetOutcome.Limit.PER_ACCOUNT);
			assertThat(refused.retryAfterSeconds()).isBetween(1L, ResetCore.WINDOW.toSeconds());
		});
		assertThat(core.queued()).extracting(OutboxMessage::kind)
			.containsOnly(ResetJobs.RESET_LINK)
			.hasSize(ResetCore.PER_ACCOUNT);
		assertThat(core.audited()).extracting(Recorded::type)
			.containsExactly(AuditEventType.RESET_REQUESTED, AuditEventType.RESET_REQUESTED,
					AuditEventType.OPERATOR_RESET_TRIGGERED, AuditEventType.RATE_LIMITED);
	}

	@Test
	void anOperatorRequestForAnUnknownAccountIsEmptyAndRecordsNothing() {
		assertThat(service.requestByOperator(UUID.randomUUID(), UUID.randomUUID(), ORIGIN)).isEmpty();
		assertThat(core.queued()).isEmpty();
		assertThat(core.audited()).isEmpty();
	}

}
