package org.accountsecurity.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.audit.ResetLink.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResetLinkHistoryTests {

	static final UUID ACCOUNT = UUID.randomUUID();

	static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

	private final List<AuditEvent> events = new ArrayList<>();

	@Test
	void aLinkUsedThroughItsMailIsUsedAndItsPredecessorSuperseded() {
		event(0, AuditEventType.RESET_REQUESTED, null, trigger("forgot"), "req-1", "203.0.113.0/24");
		sent(1, "forgot", 31, "req-1");
		event(2, AuditEventType.RESET_REQUESTED, null, trigger("self"), "req-2", "198.51.100.0/24");
		sent(3, "self", 33, "req-2");
		event(4, AuditEventType.RESET_LINK_OPENED, null, AuditDetails.NONE, "req-3", "198.51.100.0/24");
		event(5, AuditEventType.PASSWORD_CHANGED, null, AuditDetails.NONE.with("via", "reset_link"), "req-4",
				"198.51.100.0/24");

		List<ResetLink> links = ResetLinkHistory.derive(events, T0.plusSeconds(600));

		assertThat(links).extracting(ResetLink::status).containsExactly(Status.REVOKED, Status.USED);
		assertThat(links.get(0).endReason()).isEqualTo("superseded");
		assertThat(links.get(0).endedAt()).isEqualTo(T0.plusSeconds(3));
		ResetLink used = links.get(1);
		assertThat(used.trigger()).isEqualTo("self");
		assertThat(used.requestedAt()).isEqualTo(T0.plusSeconds(2));
		assertThat(used.requestedFrom()).isEqualTo("198.51.100.0/24");
		assertThat(used.sentAt()).isEqualTo(T0.plusSeconds(3));
		assertThat(used.validUntil()).isEqualTo(T0.plusSeconds(3 + 33 * 60));
		assertThat(used.openedAt()).isEqualTo(T0.plusSeconds(4));
		assertThat(used.endedAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(used.endedFrom()).isEqualTo("198.51.100.0/24");
	}

	@Test
	void revokedExpiredFailedAndPendingLinksAreToldApart() {
		sent(0, "operator", 30, "req-1");
		event(1, AuditEventType.RESET_LINK_REVOKED, "not_requested", AuditDetails.NONE, "req-2", "192.0.2.0/24");
		sent(2, "forgot", 30, "req-3");
		sent(40 * 60, "forgot", 30, "req-4");
		event(50 * 60, AuditEventType.PASSWORD_CHANGED, null, AuditDetails.NONE.with("via", "account_details"), "req-5",
				"192.0.2.0/24");
		event(60 * 60, AuditEventType.RESET_EMAIL_FAILED, null, trigger("self").with("attempts", 6), "req-6", null);
		sent(70 * 60, "self", 30, "req-7");

		List<ResetLink> links = ResetLinkHistory.derive(events, T0.plusSeconds(75 * 60));

		assertThat(links).extracting(ResetLink::status)
			.containsExactly(Status.REVOKED, Status.EXPIRED, Status.REVOKED, Status.FAILED, Status.PENDING);
		assertThat(links.get(0).endReason()).isEqualTo("not_requested");
		assertThat(links.get(0).endedFrom()).isEqualTo("192.0.2.0/24");
		assertThat(links.get(1).endedAt()).isEqualTo(T0.plusSeconds(2 + 30 * 60));
		assertThat(links.get(2).endReason()).isEqualTo("password_changed");
		assertThat(links.get(3).failedAt()).isEqualTo(T0.plusSeconds(60 * 60));
		assertThat(links.get(3).trigger()).isEqualTo("self");
		assertThat(links.get(4).endedAt()).isNull();
	}

	@Test
	void aConfirmedAddressChangeRevokesTheOutstandingLinkButARequestedOneDoesNot() {
		sent(0, "forgot", 30, "req-1");
		event(10, AuditEventType.EMAIL_CHANGED, "requested", AuditDetails.NONE, "req-2", null);
		List<ResetLink> pending = ResetLinkHistory.derive(events, T0.plusSeconds(60));
		assertThat(pending).extracting(ResetLink::status).containsExactly(Status.PENDING);

		event(20, AuditEventType.EMAIL_CHANGED, "confirmed", AuditDetails.NONE, "req-3", "192.0.2.0/24");
		List<ResetLink> links = ResetLinkHistory.derive(events, T0.plusSeconds(60));
		assertThat(links).extracting(ResetLink::status).containsExactly(Status.REVOKED);
		assertThat(links.get(0).endReason()).isEqualTo("email_changed");
	}

	@Test
	void detailsThatTheMailJobWritesAreReadBack() {
		AuditEntry entry = AuditEntry.forAccount(AuditEventType.RESET_EMAIL_SENT, Outcome.SUCCESS, null, ACCOUNT, null)
			.with("trigger", "operator")
			.with("expiresAt", T0.plusSeconds(1800).plusNanos(123_456_789))
			.with("attempt", 2);
		String stored = entry.details().json();
		assertThat(stored)
			.isEqualTo("{\"trigger\":\"operator\",\"expiresAt\":\"2026-05-01T10:30:00.123Z\",\"attempt\":2}");
		event(0, AuditEventType.RESET_EMAIL_SENT, null, AuditDetails.parse(stored), "req-1", null);

		ResetLink link = ResetLinkHistory.derive(events, T0.plusSeconds(60)).get(0);

		assertThat(link.trigger()).isEqualTo("operator");
		assertThat(link.validUntil()).isEqualTo(T0.plusSeconds(1800).plusMillis(123));
		assertThat(link.status()).isEqualTo(Status.PENDING);
	}

	@Test
	void eventsFromBeforeTypedDetailsAreStillRead() {
		// Legacy rows (details null), as a local H2 file database may still hold them.
		event(0, AuditEventType.RESET_EMAIL_SENT, "trigger=forgot;expires=" + T0.plusSeconds(1800) + ";attempt=1",
				AuditDetails.NONE, "req-1", null);
		event(10, AuditEventType.PASSWORD_CHANGED, "via=reset_link", AuditDetails.NONE, "req-2", "192.0.2.0/24");
		event(20, AuditEventType.RESET_EMAIL_FAILED, "trigger=self;attempts=6", AuditDetails.NONE, "req-3", null);

		List<ResetLink> links = ResetLinkHistory.derive(events, T0.plusSeconds(60));

		assertThat(links).extracting(ResetLink::status).containsExactly(Status.USED, Status.FAILED);
		assertThat(links).extracting(ResetLink::trigger).containsExactly("forgot", "self");
		assertThat(links.get(0).validUntil()).isEqualTo(T0.plusSeconds(1800));
	}

	@Test
	void aReasonNoLongerStandsInForDetails() {
		// Typed details win: a reason that merely looks like the old form is not parsed.
		event(0, AuditEventType.RESET_EMAIL_SENT, "trigger=forgot",
				trigger("self").with("expiresAt", T0.plusSeconds(1800)), "req-1", null);

		assertThat(ResetLinkHistory.derive(events, T0.plusSeconds(60)).get(0).trigger()).isEqualTo("self");
	}

	private static AuditDetails trigger(String trigger) {
		return AuditDetails.NONE.with("trigger", trigger);
	}

	private void sent(long second, String trigger, int minutes, String requestId) {
		event(second, AuditEventType.RESET_EMAIL_SENT, null,
				trigger(trigger).with("expiresAt", T0.plusSeconds(second + minutes * 60L)).with("attempt", 1),
				requestId, null);
	}

	private void event(long second, AuditEventType type, String reason, AuditDetails details, String requestId,
			String client) {
		events.add(new AuditEvent(events.size() + 1, T0.plusSeconds(second), type,
				type == AuditEventType.RESET_EMAIL_FAILED ? Outcome.FAILURE : Outcome.SUCCESS, reason, "self", ACCOUNT,
				null, client, null, requestId, null, null, details));
	}

}
