package org.accountsecurity.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes per account, stored as SHA-256 hashes only. Each code is
 * 80 random bits (16 characters of a 32-letter alphabet), so no dictionary or brute force
 * reaches it and a salted slow hash would add nothing but cost; guessing online is
 * throttled like TOTP codes.
 */
@Repository
class RecoveryCodes {

	static final int COUNT = 10;

	// Crockford's base32: no I, L, O or U to misread.
	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new set for the account, replacing (and so voiding) every earlier code. */
	@Transactional
	List<String> replace(UUID accountId, Instant now) {
		jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			codes.add(code);
			jdbc.sql("insert into recovery_code (account_id, code_hash, created_at) values (?, ?, ?)")
				.params(accountId, hash(code), Timestamp.from(now))
				.update();
		}
		return codes;
	}

	/**
	 * Uses up {@code typed} if it is one of the account's unused codes. One conditional
	 * update: of two parallel requests with the same code, only one wins.
	 */
	boolean consume(UUID accountId, String typed, Instant now) {
		return jdbc
			.sql("update recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(now), accountId, hash(normalized(typed)))
			.update() == 1;
	}

	int left(UUID accountId) {
		return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	void removeAll(UUID accountId) {
		jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	// Typed in any case, with or without the dashes and spaces.
	private static String normalized(String typed) {
		String plain = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		StringBuilder code = new StringBuilder(19);
		for (int i = 0; i < plain.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(plain.charAt(i));
		}
		return code.toString();
	}

	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
