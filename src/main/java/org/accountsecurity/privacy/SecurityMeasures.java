package org.accountsecurity.privacy;

import java.time.Duration;

import org.accountsecurity.account.SessionProperties;
import org.accountsecurity.audit.AuditProperties;
import org.accountsecurity.password.PasswordProperties;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.stereotype.Component;

/**
 * The figures behind the security measures that {@code /privacy} describes, taken from
 * the running configuration, so the page says what this installation does.
 */
@Component
public class SecurityMeasures {

	private final PasswordProperties passwords;

	private final SessionProperties sessions;

	private final AuditProperties audit;

	private final PublicBaseUrl base;

	private final PrivacyProperties privacy;

	SecurityMeasures(PasswordProperties passwords, SessionProperties sessions, AuditProperties audit,
			PublicBaseUrl base, PrivacyProperties privacy) {
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.base = base;
		this.privacy = privacy;
	}

	public int bcryptCost() {
		return passwords.bcryptCost();
	}

	public int minPasswordLength() {
		return passwords.minLength();
	}

	public boolean tls() {
		return base.isHttps();
	}

	public long sessionMaxAgeHours() {
		return Math.max(1, sessions.maxAge().toHours());
	}

	public long auditRetentionDays() {
		Duration retention = audit.retention();
		return retention.toDays();
	}

	/** Empty when not configured: the page then says nothing about the location. */
	public String hostingLocation() {
		return privacy.hostingLocation();
	}

}
