package org.accountsecurity.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.account.InvalidAccount.Problem;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.password.PasswordContext;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.password.PasswordPolicy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts and changes profiles; each change is audited in the same transaction.
 */
@Service
public class AccountService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final AuditLog audit;

	private final Clock clock;

	AccountService(Accounts accounts, PasswordPolicy policy, PasswordHasher hasher, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.policy = policy;
		this.hasher = hasher;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens an account; {@code actor} is who asked (an operator, or the system at
	 * start-up).
	 */
	@Transactional
	public Account create(NewAccount request, String actor, RequestOrigin origin) {
		List<Problem> problems = new ArrayList<>();
		String email = EmailAddress.parse(request.email()).orElse(null);
		if (email == null) {
			problems.add(new Problem("email", "account.email.invalid", List.of()));
		}
		String name = DisplayNames.clean(request.displayName());
		if (name == null) {
			problems.add(DisplayNames.problem(request.displayName()));
		}
		if (request.language() == null) {
			problems.add(new Problem("language", "account.language.invalid", List.of()));
		}
		if (request.password() != null && email != null && name != null) {
			policy.check(request.password(), request.password(), new PasswordContext(email, name, List.of()))
				.forEach(v -> problems.add(new Problem("password", v.messageKey(), v.args())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccount(problems);
		}
		Instant now = clock.instant();
		String password = request.password() != null ? request.password() : unusablePassword();
		Account account = new Account(UUID.randomUUID(), email, name, request.language(), hasher.hash(password),
				request.roles(), 1, now, now, now);
		try {
			accounts.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new AccountExists();
		}
		audit.record(AuditEntry.forAccount(AuditEventType.ACCOUNT_CREATED, Outcome.SUCCESS, null, account.id(), origin)
			.byActor(actor));
		return account;
	}

	/** Changes name and language; both are the holder's own to choose. */
	@Transactional
	public Account updateProfile(UUID accountId, String displayName, Language language, RequestOrigin origin) {
		String name = DisplayNames.clean(displayName);
		List<Problem> problems = new ArrayList<>();
		if (name == null) {
			problems.add(DisplayNames.problem(displayName));
		}
		if (language == null) {
			problems.add(new Problem("language", "account.language.invalid", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccount(problems);
		}
		accounts.updateProfile(accountId, name, language, clock.instant());
		audit.record(AuditEntry.forAccount(AuditEventType.PROFILE_UPDATED, Outcome.SUCCESS, null, accountId, origin));
		return accounts.findById(accountId).orElseThrow();
	}

	// Nobody knows it, so only a reset link opens such an account.
	private static String unusablePassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
