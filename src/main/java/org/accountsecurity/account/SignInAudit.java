package org.accountsecurity.account;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records sign-ins in the audit trail. Interactive successes only: HTTP Basic
 * authenticates every API call and would drown the trail. Like every audit listener it
 * never fails the request it observes.
 */
@Component
class SignInAudit {

	private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

	private final AuditLog audit;

	private final Accounts accounts;

	SignInAudit(AuditLog audit, Accounts accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
			record(AuditEntry.forAccount(AuditEventType.SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null, user.accountId(),
					origin()));
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String typed = attempt.getName();
		String reason = event.getException() instanceof SignInThrottled ? "throttled"
				: event.getException() instanceof AccountLockedDown ? "locked_down" : "bad_credentials";
		AuditEntry entry = EmailAddress.parse(typed)
			.flatMap(accounts::findByEmail)
			.map(account -> AuditEntry.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, reason, account.id(),
					origin()))
			.orElseGet(() -> AuditEntry.forUnknownSubject(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, reason, typed,
					origin()));
		record(entry);
	}

	private void record(AuditEntry entry) {
		try {
			audit.record(entry);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record {}: {}", entry.type(), ex.getClass().getSimpleName());
		}
	}

	private static RequestOrigin origin() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? RequestOrigin.of(attributes.getRequest()) : RequestOrigin.SYSTEM;
	}

}
