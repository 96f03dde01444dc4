package org.accountsecurity.passwordreset;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.EndSessionsStep;
import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.password.PolicyViolation;
import org.accountsecurity.passwordreset.PasswordChangeService.ChangeResult;
import org.accountsecurity.passwordreset.ResetCore.Recorded;
import org.accountsecurity.passwordreset.ResetTokens.IssuedToken;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.accountsecurity.passwordreset.ResetCore.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting the new password without Spring: {@link PasswordChangeService} on a fixed
 * clock, with a link from the in-memory store, the real policy, hasher, accounts, audit
 * log and after-change steps on H2, and the notice queued in a test Redis.
 */
class PasswordChangeServiceIntegrationTests extends ResetCoreIntegrationTest {

	private static final String NEW_PASSWORD = "copper kettle on a windy pier";

	final EndSessions endSessions = new EndSessions();

	PasswordChangeService service;

	Account account;

	IssuedToken issued;

	PendingReset pending;

	@BeforeEach
	void setUp() {
		service = core.changeService(endSessions);
		account = core.newAccount();
		issued = core.tokens.issue(account.id(), account.credentialVersion());
		pending = core.tokens.check(issued.token()).pending();
	}

	@Test
	void aValidPendingResetChangesThePasswordAndRunsTheStepsAfterIt() {
		ChangeResult result = service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN);

		assertThat(result.changed()).isTrue();
		Account changed = core.reload(account);
		assertThat(core.hasher.matches(NEW_PASSWORD, changed.passwordHash())).isTrue();
		assertThat(core.hasher.matches(ResetCore.PASSWORD, changed.passwordHash())).isFalse();
		assertThat(changed.credentialVersion()).isEqualTo(account.credentialVersion() + 1);
		assertThat(changed.passwordChangedAt()).isEqualTo(core.clock.instant());
		assertThat(core.audited()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_CHANGED);
			assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(event.accountId()).isEqualTo(account.id());
		});
		assertThat(core.tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.USED);
		assertThat(endSessions.ran).singleElement()
			.satisfies(step -> assertThat(step.accountId()).isEqualTo(account.id()));
		assertThat(core.queued()).singleElement().satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo(PasswordChangeService.PASSWORD_CHANGED);
			assertThat(notice.fields()).containsEntry("accountId", account.id().toString())
				.containsEntry("changedAt", core.clock.instant().toString());
		});
		assertThat(pendingStepKinds()).isEmpty();
	}

	@Test
	void theStepsAreRecordedWithTheChangeSoThatAFailedOneIsLeftForTheWorker() {
		endSessions.failing = true;

		ChangeResult result = service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN);

		assertThat(result.changed()).isTrue();
		assertThat(core.hasher.matches(NEW_PASSWORD, core.reload(account).passwordHash())).isTrue();
		assertThat(pendingStepKinds()).containsExactlyInAnyOrder(endSessions.kind(), core.notice.kind());
		assertThat(core.queued()).isEmpty();
	}

	@Test
	void aPolicyViolationLeavesTheLinkUsableAndRecordsOnlyTheCodes() {
		String weak = "harbour7";

		ChangeResult refused = service.complete(pending, weak, weak, ORIGIN);

		assertThat(refused.changed()).isFalse();
		assertThat(refused.violations()).extracting(PolicyViolation::code).contains(PolicyViolation.TOO_SHORT);
		assertThat(refused.linkState()).isEqualTo(ResetLinkState.VALID);
		assertThat(core.audited()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_REJECTED);
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.accountId()).isEqualTo(account.id());
			assertThat(refused.violations())
				.allSatisfy(violation -> assertThat(event.mentions(violation.code())).isTrue());
			assertThat(event.mentions(weak)).isFalse();
		});
		assertThat(core.reload(account)).isEqualTo(account);
		assertThat(core.tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.VALID);
		assertThat(service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN).changed()).isTrue();
	}

	@Test
	void aSecondSubmissionWithTheSameLinkIsRefusedAndTheLinkReadsUsed() {
		service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN);
		String other = "another quiet morning by the canal";

		ChangeResult second = service.complete(pending, other, other, ORIGIN);

		assertThat(second.changed()).isFalse();
		// The credential version the first change bumped answers before the store does.
		// The pages and the API check the link first, which reads used (as a submission
		// racing the first one is told: see the concurrent test).
		assertThat(second.linkState()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(core.tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.USED);
		Account changed = core.reload(account);
		assertThat(core.hasher.matches(NEW_PASSWORD, changed.passwordHash())).isTrue();
		assertThat(changed.credentialVersion()).isEqualTo(account.credentialVersion() + 1);
		assertThat(core.audited()).extracting(Recorded::type)
			.containsExactly(AuditEventType.PASSWORD_CHANGED, AuditEventType.RESET_TOKEN_REJECTED);
	}

	@Test
	void aLinkOfAnEarlierCredentialVersionIsRefusedAsRevoked() {
		String since = "a password set in the meantime";
		core.accounts.changePassword(account.id(), core.hasher.hash(since), core.clock.instant());

		ChangeResult result = service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN);

		assertThat(result.changed()).isFalse();
		assertThat(result.linkState()).isEqualTo(ResetLinkState.REVOKED);
		Account current = core.reload(account);
		assertThat(core.hasher.matches(since, current.passwordHash())).isTrue();
		assertThat(current.credentialVersion()).isEqualTo(account.credentialVersion() + 1);
		assertThat(core.audited()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(AuditEventType.RESET_TOKEN_REJECTED);
			assertThat(event.accountId()).isEqualTo(account.id());
		});
	}

	@Test
	void ofConcurrentSubmissionsWithOneLinkExactlyOneChangesThePassword() {
		int submissions = 6;

		List<ChangeResult> results = Race.run(submissions,
				i -> service.complete(pending, NEW_PASSWORD + " " + i, NEW_PASSWORD + " " + i, ORIGIN));

		assertThat(results).filteredOn(ChangeResult::changed).hasSize(1);
		assertThat(results).filteredOn(result -> !result.changed())
			.hasSize(submissions - 1)
			.allSatisfy(result -> assertThat(result.linkState()).isEqualTo(ResetLinkState.USED));
		Account changed = core.reload(account);
		assertThat(changed.credentialVersion()).isEqualTo(account.credentialVersion() + 1);
		int winner = results.indexOf(results.stream().filter(ChangeResult::changed).findFirst().orElseThrow());
		assertThat(core.hasher.matches(NEW_PASSWORD + " " + winner, changed.passwordHash())).isTrue();
		assertThat(core.audited()).extracting(Recorded::type)
			.containsOnly(AuditEventType.PASSWORD_CHANGED, AuditEventType.RESET_TOKEN_REJECTED)
			.filteredOn(type -> type == AuditEventType.PASSWORD_CHANGED)
			.hasSize(1);
		assertThat(endSessions.ran).hasSize(1);
		assertThat(core.queued()).extracting(OutboxMessage::kind)
			.containsExactly(PasswordChangeService.PASSWORD_CHANGED);
	}

	@Test
	void aPendingResetPastItsLifetimeIsRefused() {
		core.clock.advance(ResetCore.TTL.plusMillis(1));

		ChangeResult result = service.complete(pending, NEW_PASSWORD, NEW_PASSWORD, ORIGIN);

		assertThat(result.changed()).isFalse();
		// The store has let the link go, as Redis lets the key expire; the pages check
		// PendingReset.expiresAt first and show their own page for an expired link.
		assertThat(result.linkState()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(core.reload(account)).isEqualTo(account);
		assertThat(core.audited()).extracting(Recorded::type).containsExactly(AuditEventType.RESET_TOKEN_REJECTED);
		assertThat(core.queued()).isEmpty();
	}

	private List<String> pendingStepKinds() {
		return core.database.rows("after_change_step", "created_at")
			.stream()
			.map(row -> (String) row.get("kind"))
			.toList();
	}

	/**
	 * Stands in for ending the sessions, which needs Spring Session's repository: records
	 * each run, or fails as it does while Redis is down.
	 */
	static final class EndSessions implements AfterChangeStepHandler {

		final List<AfterChangeStep> ran = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		@Override
		public String kind() {
			return EndSessionsStep.plan(null, "unused").kind();
		}

		@Override
		public void run(AfterChangeStep step, RequestOrigin origin) {
			if (failing) {
				throw new QueryTimeoutException("Redis is down");
			}
			ran.add(step);
		}

	}

}
