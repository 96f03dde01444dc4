package org.accountsecurity.bench.server;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.password.PasswordHasher;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seeds the benchmark's accounts {@code bench-000000@bench.example.com ...} in one transaction: one password hash is
 * made with the service's own hasher at the configured cost and shared by all of them, so seeding costs one BCrypt
 * run, not one per account. No audit events are written for them.
 */
@RestController
public class SeedController {

	public static final String PASSWORD = "seeded bench password 2026 ok";

	private final Accounts accounts;

	private final TransactionTemplate transaction;

	private final PasswordHasher hasher;

	SeedController(Accounts accounts, TransactionTemplate transaction, PasswordHasher hasher) {
		this.accounts = accounts;
		this.transaction = transaction;
		this.hasher = hasher;
	}

	@PostMapping("/bench/seed")
	Map<String, Object> seed(@RequestParam int from, @RequestParam int count) {
		long started = System.nanoTime();
		String hash = hasher.hash(PASSWORD);
		Instant now = Instant.now();
		transaction.executeWithoutResult(status -> {
			for (int i = from; i < from + count; i++) {
				accounts.insert(new Account(UUID.randomUUID(), email(i), "Seeded Person " + i, Language.EN, hash,
						Set.of(Account.Role.USER), 1, now, now, now));
			}
		});
		return Map.of("seeded", count, "millis", (System.nanoTime() - started) / 1_000_000);
	}

	/** The address of seeded account {@code i}; the driver uses the same. */
	public static String email(int i) {
		return String.format(Locale.ROOT, "bench-%06d@bench.example.com", i);
	}

}
