package org.accountsecurity.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Issues and checks reset tokens: JWTs signed with HS256 (purpose, account id, a 128-bit
 * random id, credential version, issued-at, expiry, key id) whose random id's SHA-256 is
 * the one live link of the account in Redis ({@link ResetLinkStore}). JJWT refuses
 * unsigned ({@code alg: none}) tokens.
 */
@Component
public class ResetTokens {

	static final String PURPOSE = "password-reset";

	// The "I did not ask for this" link carries its own token: it can only revoke the
	// link
	// it names (by its hash), so forwarding or scanning it never opens the account.
	static final String CANCEL_PURPOSE = "password-reset-cancel";

	private static final int MAX_TOKEN_LENGTH = 2048;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SigningKeys keys;

	private final ResetLinkStore store;

	private final ResetProperties properties;

	private final Clock clock;

	private final JwtParser parser;

	private final JwtParser cancelParser;

	private final Counter issued;

	ResetTokens(ResetProperties properties, ResetLinkStore store, Clock clock, MeterRegistry meters) {
		this.issued = meters.counter("reset.tokens.issued");
		this.keys = new SigningKeys(properties.signingKeys());
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.parser = parser(PURPOSE);
		this.cancelParser = parser(CANCEL_PURPOSE);
	}

	private JwtParser parser(String purpose) {
		return Jwts.parser().keyLocator(new LocatorAdapter<>() {
			@Override
			protected java.security.Key locate(ProtectedHeader header) {
				java.security.Key key = keys.byId(header.getKeyId());
				if (key == null) {
					throw new JwtException("Unknown key id");
				}
				return key;
			}
		}).clock(() -> Date.from(clock.instant())).require("pur", purpose).build();
	}

	/**
	 * A new link for the account, and the token of its "I did not ask for this" link; it
	 * revokes the account's older links.
	 */
	public IssuedToken issue(UUID accountId, long credentialVersion) {
		Instant now = clock.instant();
		Instant expires = now.plus(properties.tokenTtl());
		String id = randomId();
		String token = sign(PURPOSE, accountId, credentialVersion, now, expires).id(id).compact();
		String cancelToken = sign(CANCEL_PURPOSE, accountId, credentialVersion, now, expires).claim("lnk", hash(id))
			.compact();
		store.replace(accountId, hash(id), properties.tokenTtl());
		issued.increment();
		return new IssuedToken(token, cancelToken, accountId, hash(id), expires);
	}

	private JwtBuilder sign(String purpose, UUID accountId, long credentialVersion, Instant now, Instant expires) {
		return Jwts.builder()
			.header()
			.keyId(keys.currentId())
			.and()
			.subject(accountId.toString())
			.claim("pur", purpose)
			.claim("cv", credentialVersion)
			.issuedAt(Date.from(now))
			.expiration(Date.from(expires))
			.signWith(keys.current(), Jwts.SIG.HS256);
	}

	/** Checks a reset token without consuming it. */
	public Check check(String token) {
		return check(token, parser, Claims::getId, true);
	}

	/**
	 * Checks an "I did not ask for this" token: valid while the link it names is live.
	 * Reset tokens are refused here, and these tokens are refused by {@link #check}.
	 */
	public Check checkCancel(String token) {
		return check(token, cancelParser, claims -> claims.get("lnk", String.class), false);
	}

	private Check check(String token, JwtParser purposeParser, Function<Claims, String> linkId, boolean hashId) {
		if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
			return Check.rejected(ResetLinkState.INVALID, null);
		}
		Claims claims;
		try {
			claims = purposeParser.parseSignedClaims(token.strip()).getPayload();
		}
		catch (ExpiredJwtException ex) {
			return Check.rejected(ResetLinkState.EXPIRED, accountIdOf(ex.getClaims()));
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Check.rejected(ResetLinkState.INVALID, null);
		}
		UUID accountId = accountIdOf(claims);
		Number version = claims.get("cv", Number.class);
		String link = linkId.apply(claims);
		if (accountId == null || version == null || link == null || claims.getExpiration() == null) {
			return Check.rejected(ResetLinkState.INVALID, null);
		}
		PendingReset pending = new PendingReset(accountId, hashId ? hash(link) : link, version.longValue(),
				claims.getExpiration().toInstant());
		ResetLinkState state = store.state(accountId, pending.tokenIdHash());
		return new Check(state, accountId, state == ResetLinkState.VALID ? pending : null);
	}

	/**
	 * Consumes the link atomically: of concurrent calls with one link, exactly one gets
	 * true.
	 */
	public boolean consume(PendingReset pending) {
		return store.consume(pending.accountId(), pending.tokenIdHash());
	}

	public ResetLinkState stateOf(PendingReset pending) {
		return store.state(pending.accountId(), pending.tokenIdHash());
	}

	public void revokeAll(UUID accountId) {
		store.revokeAll(accountId);
	}

	/** Revokes one link (I did not ask for this); true if it was live. */
	public boolean revoke(PendingReset pending) {
		return store.revoke(pending.accountId(), pending.tokenIdHash());
	}

	private static UUID accountIdOf(Claims claims) {
		try {
			return claims == null || claims.getSubject() == null ? null : UUID.fromString(claims.getSubject());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String randomId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String id) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A freshly issued link's token (only ever put into the e-mail) and its facts. */
	public record IssuedToken(String token, String cancelToken, UUID accountId, String tokenIdHash, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
		}

	}

	/**
	 * The result of checking a token: its state, the account it names if readable, and
	 * what to keep.
	 */
	public record Check(ResetLinkState state, UUID accountId, PendingReset pending) {

		static Check rejected(ResetLinkState state, UUID accountId) {
			return new Check(state, accountId, null);
		}

	}

}
