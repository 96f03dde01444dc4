package org.accountsecurity.bench.server;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.EmailAddress;
import org.accountsecurity.password.PasswordHasher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seeds the benchmark's accounts {@code bench-000000@bench.example.com ...} in one batch: one password hash is
 * made with the service's own hasher at the configured cost and shared by all of them, so seeding costs one BCrypt
 * run and a batch insert, not one BCrypt run per account. No audit events are written for them.
 */
@RestController
class SeedController {

	static final String PASSWORD = "seeded bench password 2026 ok";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final PasswordHasher hasher;

	SeedController(JdbcTemplate jdbc, TransactionTemplate transaction, PasswordHasher hasher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.hasher = hasher;
	}

	@PostMapping("/bench/seed")
	Map<String, Object> seed(@RequestParam int from, @RequestParam int count) {
		long started = System.nanoTime();
		String hash = hasher.hash(PASSWORD);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = from; i < from + count; i++) {
			String email = email(i);
			rows.add(new Object[] { UUID.randomUUID(), email, EmailAddress.key(email), "Seeded Person " + i, "en", hash,
					"USER", 1L, now, now, now });
		}
		transaction.executeWithoutResult(status -> jdbc.batchUpdate("insert into account (id, email, email_key, "
				+ "display_name, language, password_hash, roles, credential_version, created_at, updated_at, "
				+ "password_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
		return Map.of("seeded", count, "millis", (System.nanoTime() - started) / 1_000_000);
	}

	static String email(int i) {
		return String.format("bench-%06d@bench.example.com", i);
	}

}
