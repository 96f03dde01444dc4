package org.accountsecurity.bench.server;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.TotpEnrolment;
import org.accountsecurity.support.Authenticator;

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

	private final TotpEnrolment totp;

	SeedController(Accounts accounts, TransactionTemplate transaction, PasswordHasher hasher, TotpEnrolment totp) {
		this.accounts = accounts;
		this.transaction = transaction;
		this.hasher = hasher;
		this.totp = totp;
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

	/**
	 * Turns TOTP on for seeded accounts {@code from ... from+count-1} through the
	 * application's own enrolment (the password is checked, so each costs a BCrypt run;
	 * two at a time, as the BCrypt pool has a thread per core). Returns each address's
	 * base32 secret; the code used for the enrolment is that of the current time step, so
	 * a sign-in must use a later one.
	 */
	@PostMapping("/bench/seed-totp")
	Map<String, String> seedTotp(@RequestParam int from, @RequestParam int count) {
		Map<String, String> secrets = new ConcurrentHashMap<>();
		IntStream.range(from, from + count).parallel().forEach(i -> {
			UUID id = accounts.findByEmail(email(i)).orElseThrow().id();
			TotpEnrolment.Offer offer = totp.offer(id, null);
			String code = new Authenticator(offer.secret()).code(Instant.now());
			TotpEnrolment.Result result = totp.enrol(id, offer.sealed(), code, PASSWORD, RequestOrigin.SYSTEM);
			if (result.status() == TotpEnrolment.Status.ENROLLED) {
				secrets.put(email(i), offer.secret());
			}
		});
		return secrets;
	}

	/** The address of seeded account {@code i}; the driver uses the same. */
	public static String email(int i) {
		return String.format(Locale.ROOT, "bench-%06d@bench.example.com", i);
	}

}
