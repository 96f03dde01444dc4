package org.accountsecurity.audit;

/**
 * Someone asked to change or delete audit events: they are written by the service only
 * (docs/security.md LG-05).
 */
public class AuditEventsReadOnly extends RuntimeException {

	public AuditEventsReadOnly() {
		super("Audit events are read-only");
	}

}
