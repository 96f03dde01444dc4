package org.accountsecurity.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;

import org.springframework.stereotype.Component;

/**
 * The token of the "cancel the removal" link: a JWT (HS256, JJWT, which refuses unsigned
 * ones) with a purpose of its own, the account, a 128-bit random id and an expiry at the
 * removal's time, signed with a key derived from {@code app.second-factor.encryption-key}
 * for this use only. Reset, e-mail-change and other tokens fail here on the key or the
 * purpose, and this one fails there. Only the SHA-256 of its id is stored, with the
 * pending removal; deleting that row uses the token up.
 */
@Component
class RemovalCancelTokens {

	static final String PURPOSE = "second-factor-removal-cancel";

	private static final int MAX_TOKEN_LENGTH = 2048;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretCipher keys;

	private final JwtParser parser;

	RemovalCancelTokens(SecretCipher keys, Clock clock) {
		this.keys = keys;
		this.parser = Jwts.parser().keyLocator(new LocatorAdapter<>() {
			@Override
			protected Key locate(ProtectedHeader header) {
				Key key = keys.signingKey(header.getKeyId(), PURPOSE);
				if (key == null) {
					throw new JwtException("Unknown key id");
				}
				return key;
			}
		}).clock(() -> Date.from(clock.instant())).require("pur", PURPOSE).build();
	}

	/** A new token for the account's removal, valid until {@code expiresAt}. */
	Issued issue(UUID accountId, Instant issuedAt, Instant expiresAt) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String token = Jwts.builder()
			.header()
			.keyId(keys.currentKeyId())
			.and()
			.subject(accountId.toString())
			.claim("pur", PURPOSE)
			.id(id)
			.issuedAt(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.signWith(keys.signingKey(keys.currentKeyId(), PURPOSE), Jwts.SIG.HS256)
			.compact();
		return new Issued(token, hash(id));
	}

	/** The ticket a sound token stands for; empty when forged, expired or malformed. */
	Optional<RemovalCancelTicket> read(String token) {
		if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		try {
			Claims claims = parser.parseSignedClaims(token.strip()).getPayload();
			if (claims.getId() == null || claims.getSubject() == null) {
				return Optional.empty();
			}
			return Optional.of(new RemovalCancelTicket(UUID.fromString(claims.getSubject()), hash(claims.getId())));
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String hash(String id) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new token (only ever put into the mail) and the hash that names it. */
	record Issued(String token, String tokenHash) {

		@Override
		public String toString() {
			return "Issued[]";
		}

	}

}
