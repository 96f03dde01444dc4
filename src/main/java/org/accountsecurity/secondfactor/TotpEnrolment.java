package org.accountsecurity.secondfactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns TOTP on: a new secret is offered (sealed, so that the session holding it between
 * the two requests never holds it in the clear), and stored only when the current
 * password is right and a code of that secret proves the app has it. Then ten recovery
 * codes, shown once.
 */
@Service
public class TotpEnrolment {

	static final String ISSUER = "Account Security";

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	private final CodeCheck check;

	private final SecondFactorThrottle throttle;

	private final SecretCipher cipher;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	TotpEnrolment(TotpCredentials credentials, RecoveryCodes recoveryCodes, CodeCheck check,
			SecondFactorThrottle throttle, SecretCipher cipher, Accounts accounts, AuditLog audit, Clock clock) {
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
		this.check = check;
		this.throttle = throttle;
		this.cipher = cipher;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean enrolled(UUID accountId) {
		return credentials.exists(accountId);
	}

	/**
	 * The secret to show: the one in {@code sealed} if it is still this account's, else a
	 * new one.
	 */
	public Offer offer(UUID accountId, String sealed) {
		byte[] secret = sealed == null ? null : cipher.decrypt(sealed, purpose(accountId));
		if (secret == null) {
			secret = TotpCodes.newSecret();
			sealed = cipher.encrypt(secret, purpose(accountId));
		}
		Account account = accounts.findById(accountId).orElseThrow();
		String base32 = Base32.encode(secret);
		String uri = "otpauth://totp/" + enc(ISSUER) + ":" + enc(account.email()) + "?secret=" + base32 + "&issuer="
				+ enc(ISSUER) + "&algorithm=SHA1&digits=6&period=30";
		return new Offer(sealed, base32, QrCode.svg(uri, "totp-qr-caption"));
	}

	/** Stores the offered secret when the password and the code are right. */
	@Transactional
	public Result enrol(UUID accountId, String sealed, String code, String currentPassword, RequestOrigin origin) {
		byte[] secret = sealed == null ? null : cipher.decrypt(sealed, purpose(accountId));
		if (secret == null) {
			return Result.of(Status.NO_OFFER);
		}
		if (!throttle.attempt(accountId, origin.clientAddress()).allowed()) {
			return failed(accountId, Status.THROTTLED, "throttled", origin);
		}
		if (!check.password(accountId, currentPassword)) {
			return failed(accountId, Status.WRONG_PASSWORD, "wrong_password", origin);
		}
		if (!check.totp(accountId, secret, code)) {
			return failed(accountId, Status.WRONG_CODE, "wrong_code", origin);
		}
		Instant now = clock.instant();
		if (!credentials.enrol(accountId, secret, now)) {
			return Result.of(Status.ALREADY_ON);
		}
		List<String> codes = recoveryCodes.replace(accountId, now);
		audit.record(AuditEntry.forAccount(AuditEventType.SECOND_FACTOR_ENROLLED, Outcome.SUCCESS,
				AccountSecondFactors.TOTP, accountId, origin));
		return new Result(Status.ENROLLED, codes);
	}

	private Result failed(UUID accountId, Status status, String reason, RequestOrigin origin) {
		audit.record(AuditEntry.forAccount(AuditEventType.SECOND_FACTOR_ENROLLED, Outcome.FAILURE, reason, accountId,
				origin));
		return Result.of(status);
	}

	private static String purpose(UUID accountId) {
		return "totp-offer:" + accountId;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A secret on offer: {@code sealed} for the session, the base32 text and the QR code
	 * for the page.
	 */
	public record Offer(String sealed, String secret, String qrSvg) {
	}

	/** What an enrolment attempt did. */
	public enum Status {

		ENROLLED, NO_OFFER, THROTTLED, WRONG_PASSWORD, WRONG_CODE, ALREADY_ON

	}

	/** The outcome and, once enrolled, the recovery codes to show once. */
	public record Result(Status status, List<String> recoveryCodes) {

		static Result of(Status status) {
			return new Result(status, List.of());
		}

	}

}
