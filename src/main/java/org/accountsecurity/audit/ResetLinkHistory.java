package org.accountsecurity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.audit.ResetLink.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Derives an account's latest reset links from its audit events alone, so that no second
 * record of them can disagree with the trail: RESET_EMAIL_SENT starts a link (its details
 * carry trigger and expiry), RESET_EMAIL_FAILED a failed one; RESET_LINK_OPENED,
 * RESET_LINK_REVOKED, PASSWORD_CHANGED, a confirmed EMAIL_CHANGED and a newer link end
 * it. The request that asked for it is found by request id.
 */
@Service
public class ResetLinkHistory {

	private static final String TYPES = "'RESET_REQUESTED', 'OPERATOR_RESET_TRIGGERED', 'RESET_EMAIL_SENT', "
			+ "'RESET_EMAIL_FAILED', 'RESET_LINK_OPENED', 'RESET_LINK_REVOKED', 'PASSWORD_CHANGED', 'EMAIL_CHANGED'";

	/** Enough events for the latest links of even a busy account. */
	private static final int WINDOW = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	ResetLinkHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The account's latest {@code limit} links, newest first. */
	public List<ResetLink> latest(UUID accountId, int limit) {
		List<AuditEvent> events = new ArrayList<>(jdbc
			.sql("select " + AuditTrail.COLUMNS + " from audit_event where account_id = ? and type in (" + TYPES
					+ ") order by id desc limit ?")
			.params(accountId, WINDOW)
			.query(AuditTrail::map)
			.list());
		Collections.reverse(events);
		List<ResetLink> links = derive(events, clock.instant());
		Collections.reverse(links);
		return links.subList(0, Math.min(limit, links.size()));
	}

	static List<ResetLink> derive(List<AuditEvent> oldestFirst, Instant now) {
		Map<String, AuditEvent> requests = new HashMap<>();
		List<Draft> links = new ArrayList<>();
		Draft current = null;
		for (AuditEvent event : oldestFirst) {
			switch (event.type()) {
				case RESET_REQUESTED, OPERATOR_RESET_TRIGGERED -> {
					if (event.outcome() == Outcome.SUCCESS && event.requestId() != null) {
						requests.put(event.requestId(), event);
					}
				}
				case RESET_EMAIL_SENT, RESET_EMAIL_FAILED -> {
					boolean sent = event.type() == AuditEventType.RESET_EMAIL_SENT;
					if (current != null) {
						current.end(Status.REVOKED, event.occurredAt(), null, sent ? "superseded" : "mail_failed");
					}
					current = new Draft(event, requests.get(event.requestId()), sent);
					links.add(current);
					if (!sent) {
						current = null;
					}
				}
				case RESET_LINK_OPENED -> {
					if (current != null && current.openedAt == null && current.status == Status.PENDING) {
						current.openedAt = event.occurredAt();
					}
				}
				case RESET_LINK_REVOKED -> {
					if (current != null) {
						current.end(Status.REVOKED, event.occurredAt(), event.clientAddress(),
								event.reason() == null ? "revoked" : event.reason());
						current = null;
					}
				}
				case PASSWORD_CHANGED -> {
					if (current != null) {
						boolean viaLink = "reset_link".equals(LegacyResetReason.details(event).text("via"));
						current.end(viaLink ? Status.USED : Status.REVOKED, event.occurredAt(), event.clientAddress(),
								viaLink ? null : "password_changed");
						current = null;
					}
				}
				case EMAIL_CHANGED -> {
					// A confirmed change of address revokes every outstanding link.
					if (current != null && "confirmed".equals(event.reason())) {
						current.end(Status.REVOKED, event.occurredAt(), event.clientAddress(), "email_changed");
						current = null;
					}
				}
				default -> {
				}
			}
		}
		List<ResetLink> result = new ArrayList<>();
		for (Draft draft : links) {
			if (draft.status == Status.PENDING && draft.validUntil != null && !now.isBefore(draft.validUntil)) {
				draft.end(Status.EXPIRED, draft.validUntil, null, null);
			}
			result.add(draft.build());
		}
		return result;
	}

	private static final class Draft {

		private final String trigger;

		private final AuditEvent request;

		private final Instant sentAt;

		private final Instant failedAt;

		private final Instant validUntil;

		private Instant openedAt;

		private Status status;

		private Instant endedAt;

		private String endedFrom;

		private String endReason;

		Draft(AuditEvent event, AuditEvent request, boolean sent) {
			AuditDetails details = LegacyResetReason.details(event);
			this.trigger = details.text("trigger");
			this.request = request;
			this.sentAt = sent ? event.occurredAt() : null;
			this.failedAt = sent ? null : event.occurredAt();
			this.validUntil = sent ? details.instant("expiresAt") : null;
			this.status = sent ? Status.PENDING : Status.FAILED;
		}

		// A link past its expiry when something else happened had expired first.
		void end(Status newStatus, Instant at, String from, String reason) {
			if (status != Status.PENDING) {
				return;
			}
			if (validUntil != null && !at.isBefore(validUntil) && newStatus != Status.EXPIRED) {
				end(Status.EXPIRED, validUntil, null, null);
				return;
			}
			status = newStatus;
			endedAt = at;
			endedFrom = from;
			endReason = reason;
		}

		ResetLink build() {
			return new ResetLink(trigger, request == null ? null : request.occurredAt(),
					request == null ? null : request.clientAddress(), request == null ? null : request.actor(), sentAt,
					failedAt, validUntil, openedAt, status, endedAt, endedFrom, endReason);
		}

	}

}
