package org.accountsecurity.passwordreset;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.accountsecurity.passwordreset.ResetTokens.Check;

/**
 * The reset token format: JWTs signed with HS256 (purpose, account id, credential
 * version, issued-at, expiry, key id). A reset token carries a 128-bit random id whose
 * SHA-256 names the link in the store; its "I did not ask for this" token carries that
 * hash and a purpose of its own, so it can only revoke that link. JJWT refuses unsigned
 * ({@code alg: none}) tokens.
 */
final class ResetTokenCodec {

	static final String PURPOSE = "password-reset";

	static final String CANCEL_PURPOSE = "password-reset-cancel";

	private static final int MAX_TOKEN_LENGTH = 2048;

	private final SigningKeys keys;

	private final Clock clock;

	private final JwtParser parser;

	private final JwtParser cancelParser;

	ResetTokenCodec(SigningKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
		this.parser = parser(PURPOSE);
		this.cancelParser = parser(CANCEL_PURPOSE);
	}

	private JwtParser parser(String purpose) {
		return Jwts.parser().keyLocator(new LocatorAdapter<>() {
			@Override
			protected Key locate(ProtectedHeader header) {
				Key key = keys.byId(header.getKeyId());
				if (key == null) {
					throw new JwtException("Unknown key id");
				}
				return key;
			}
		}).clock(() -> Date.from(clock.instant())).require("pur", purpose).build();
	}

	/** A new link's two tokens, valid for {@code ttl} from now. */
	Signed sign(UUID accountId, long credentialVersion, Duration ttl) {
		Instant now = clock.instant();
		Instant expires = now.plus(ttl);
		String id = ResetLinkIds.random();
		String linkHash = ResetLinkIds.hash(id);
		String token = builder(PURPOSE, accountId, credentialVersion, now, expires).id(id).compact();
		String cancelToken = builder(CANCEL_PURPOSE, accountId, credentialVersion, now, expires).claim("lnk", linkHash)
			.compact();
		return new Signed(token, cancelToken, linkHash, expires);
	}

	private JwtBuilder builder(String purpose, UUID accountId, long credentialVersion, Instant now, Instant expires) {
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

	/**
	 * Reads a reset token: {@link ResetLinkState#VALID} with the link it names when it is
	 * sound (the store decides the rest), otherwise why not.
	 */
	Check read(String token) {
		return read(token, parser, claims -> claims.getId() == null ? null : ResetLinkIds.hash(claims.getId()));
	}

	/** Reads an "I did not ask for this" token; reset tokens are refused here. */
	Check readCancel(String token) {
		return read(token, cancelParser, claims -> claims.get("lnk") instanceof String link ? link : null);
	}

	private Check read(String token, JwtParser purposeParser, Function<Claims, String> linkHash) {
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
		// Claims of the wrong type (only a holder of the key could sign them) are
		// invalid,
		// never an exception: claims.get(name, type) would throw.
		Number version = claims.get("cv") instanceof Number number ? number : null;
		String link = linkHash.apply(claims);
		if (accountId == null || version == null || link == null || claims.getExpiration() == null) {
			return Check.rejected(ResetLinkState.INVALID, null);
		}
		return new Check(ResetLinkState.VALID, accountId,
				new PendingReset(accountId, link, version.longValue(), claims.getExpiration().toInstant()));
	}

	private static UUID accountIdOf(Claims claims) {
		try {
			return claims == null || claims.getSubject() == null ? null : UUID.fromString(claims.getSubject());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A new link: its two tokens, the hash that names it in the store, its expiry. */
	record Signed(String token, String cancelToken, String linkHash, Instant expiresAt) {

		@Override
		public String toString() {
			return "Signed[expiresAt=" + expiresAt + "]";
		}

	}

}
