package org.accountsecurity.lockdown;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountSessions;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.device.DeviceCookies;
import org.accountsecurity.device.UserAgents;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * After a complete sign-in (after its second step, if any): the browser gets the device
 * cookie naming the account, and a browser without a valid one of that account leads to
 * the "New sign-in to your account" mail, with "This wasn't me", and the audit event
 * {@code NEW_DEVICE_SIGN_IN}. Parallel sign-ins of one new browser (same account, client
 * address as stored and user agent, within {@code app.lockdown.alert-window}) share one
 * mail: the first to set the Redis marker mails, each is audited.
 */
@Service
public class NewDeviceAlerts {

	static final String KIND = "new-device";

	private final DeviceCookies devices;

	private final UserAgents userAgents;

	private final ClientAddresses clientAddresses;

	private final MailOutbox outbox;

	private final AuditLog audit;

	private final StringRedisTemplate redis;

	private final LockdownProperties properties;

	private final Clock clock;

	NewDeviceAlerts(DeviceCookies devices, UserAgents userAgents, ClientAddresses clientAddresses, MailOutbox outbox,
			AuditLog audit, StringRedisTemplate redis, LockdownProperties properties, Clock clock) {
		this.devices = devices;
		this.userAgents = userAgents;
		this.clientAddresses = clientAddresses;
		this.outbox = outbox;
		this.audit = audit;
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Remembers this browser for {@code user}, and alerts when it was new to the account.
	 * Call before the response is committed.
	 */
	public void signedIn(HttpServletRequest request, HttpServletResponse response, AccountUser user) {
		if (devices.remember(request, response, user.accountId()) || !properties.newDeviceAlerts()) {
			return;
		}
		RequestOrigin origin = RequestOrigin.of(request);
		String client = clientAddresses.storable(origin.clientAddress());
		String browser = userAgents.describe(origin.userAgent()).inWords();
		boolean mailed = firstOfItsBrowser(user.accountId(), client, origin.userAgent());
		if (mailed) {
			Map<String, String> fields = new HashMap<>();
			fields.put("accountId", user.accountId().toString());
			fields.put("signedInAt", clock.instant().toString());
			fields.put("client", client == null ? "" : client);
			fields.put("browser", browser == null ? "" : browser);
			outbox.enqueueOnce(UUID.randomUUID().toString(), new OutboxMessage(KIND, fields));
		}
		audit.record(AuditEntry
			.forAccount(AuditEventType.NEW_DEVICE_SIGN_IN, Outcome.SUCCESS, null, user.accountId(), origin)
			.with("mailed", mailed ? "yes" : "no"));
	}

	private boolean firstOfItsBrowser(UUID accountId, String client, String userAgent) {
		String browser = AccountSessions.fingerprint(client + "\n" + userAgent);
		return Boolean.TRUE.equals(redis.opsForValue()
			.setIfAbsent("newdevice:{" + accountId + "}:" + browser, "1", properties.alertWindow()));
	}

}
