package org.accountsecurity.passwordreset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.passwordreset.ResetTokens.Check;
import org.accountsecurity.passwordreset.ResetTokens.IssuedToken;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reset links without Spring: a fixed clock and the in-memory store. */
class ResetTokensTests {

	private static final Duration TTL = Duration.ofMinutes(30);

	private static final String NEW_KEY = "next:" + Base64.getEncoder()
		.encodeToString("the-next-signing-key-of-32-bytes-or-more".getBytes(StandardCharsets.US_ASCII));

	private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-03-01T09:00:00Z"));

	private final ResetLinkStore store = new InMemoryResetLinkStore(clock);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ResetTokens tokens = tokens(ServiceTest.SIGNING_KEY);

	private final UUID account = UUID.randomUUID();

	@Test
	void anIssuedLinkChecksValid() {
		IssuedToken issued = tokens.issue(account, 7);
		Check check = tokens.check(issued.token());
		assertThat(check.state()).isEqualTo(ResetLinkState.VALID);
		assertThat(check.accountId()).isEqualTo(account);
		assertThat(check.pending())
			.isEqualTo(new PendingReset(account, issued.tokenIdHash(), 7, clock.instant().plus(TTL)));
		assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(TTL));
		assertThat(issued.toString()).doesNotContain(issued.token()).doesNotContain(issued.tokenIdHash());
		assertThat(meters.counter("reset.tokens.issued").count()).isEqualTo(1);
	}

	@Test
	void aLinkIsValidUntilItsExpiryAndExpiredAfter() {
		IssuedToken issued = tokens.issue(account, 1);
		clock.advance(TTL);
		assertThat(tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.VALID);
		clock.advance(Duration.ofMillis(1));
		Check check = tokens.check(issued.token());
		assertThat(check.state()).isEqualTo(ResetLinkState.EXPIRED);
		assertThat(check.accountId()).isEqualTo(account);
		assertThat(check.pending()).isNull();
		assertThat(tokens.checkCancel(issued.cancelToken()).state()).isEqualTo(ResetLinkState.EXPIRED);
	}

	@Test
	void aConsumedLinkIsUsed() {
		IssuedToken issued = tokens.issue(account, 1);
		PendingReset pending = tokens.check(issued.token()).pending();
		assertThat(tokens.consume(pending)).isTrue();
		assertThat(tokens.consume(pending)).isFalse();
		assertThat(tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.USED);
		assertThat(tokens.stateOf(pending)).isEqualTo(ResetLinkState.USED);
		assertThat(tokens.checkCancel(issued.cancelToken()).state()).isEqualTo(ResetLinkState.USED);
	}

	@Test
	void aNewerLinkRevokesTheOlderOne() {
		IssuedToken older = tokens.issue(account, 1);
		IssuedToken newer = tokens.issue(account, 1);
		assertThat(tokens.check(older.token()).state()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(tokens.checkCancel(older.cancelToken()).state()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(tokens.check(newer.token()).state()).isEqualTo(ResetLinkState.VALID);
	}

	@Test
	void revokeAllRevokesTheLiveLink() {
		IssuedToken issued = tokens.issue(account, 1);
		PendingReset pending = tokens.check(issued.token()).pending();
		tokens.revokeAll(account);
		assertThat(tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(tokens.consume(pending)).isFalse();
	}

	@Test
	void theCancelTokenRevokesOnlyItsOwnLink() {
		IssuedToken issued = tokens.issue(account, 1);
		Check cancel = tokens.checkCancel(issued.cancelToken());
		assertThat(cancel.state()).isEqualTo(ResetLinkState.VALID);
		assertThat(cancel.pending().tokenIdHash()).isEqualTo(issued.tokenIdHash());
		assertThat(tokens.revoke(cancel.pending())).isTrue();
		assertThat(tokens.revoke(cancel.pending())).isFalse();
		assertThat(tokens.check(issued.token()).state()).isEqualTo(ResetLinkState.REVOKED);
		assertThat(tokens.checkCancel(issued.cancelToken()).state()).isEqualTo(ResetLinkState.REVOKED);
	}

	@Test
	void aTokenOfTheOtherPurposeIsInvalid() {
		IssuedToken issued = tokens.issue(account, 1);
		assertThat(tokens.check(issued.cancelToken()).state()).isEqualTo(ResetLinkState.INVALID);
		assertThat(tokens.checkCancel(issued.token()).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void aTamperedTokenIsInvalid() {
		String[] parts = tokens.issue(account, 1).token().split("\\.");
		String signature = parts[2];
		char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
		String otherSignature = signature.substring(0, 10) + flipped + signature.substring(11);
		assertThat(tokens.check(parts[0] + "." + parts[1] + "." + otherSignature).state())
			.isEqualTo(ResetLinkState.INVALID);
		String otherPayload = encode(decode(parts[1]).replace(account.toString(), UUID.randomUUID().toString()));
		assertThat(tokens.check(parts[0] + "." + otherPayload + "." + signature).state())
			.isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void anUnsignedTokenIsInvalid() {
		String[] parts = tokens.issue(account, 1).token().split("\\.");
		String none = encode("{\"alg\":\"none\",\"kid\":\"test\"}") + "." + parts[1] + ".";
		assertThat(tokens.check(none).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void aTokenWithAnUnknownKeyIdIsInvalid() {
		String forged = forge(ResetTokenCodec.PURPOSE).header().keyId("unknown").and().compact();
		assertThat(tokens.check(forged).state()).isEqualTo(ResetLinkState.INVALID);
		String foreign = tokens(NEW_KEY).issue(account, 1).token();
		assertThat(tokens.check(foreign).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void aForgedTokenWithAllClaimsNamesNoLiveLink() {
		// The test key is known here: the claims are complete, but the store has no such
		// link.
		assertThat(tokens.check(forge(ResetTokenCodec.PURPOSE).compact()).state()).isEqualTo(ResetLinkState.REVOKED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sub", "cv", "jti", "exp", "pur" })
	void aTokenWithoutAClaimIsInvalid(String claim) {
		String token = forge(ResetTokenCodec.PURPOSE).claim(claim, null).compact();
		assertThat(tokens.check(token).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void aCancelTokenWithoutItsLinkIsInvalid() {
		String token = forge(ResetTokenCodec.CANCEL_PURPOSE).compact();
		assertThat(tokens.checkCancel(token).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "not-a-token", "a.b.c" })
	void garbageIsInvalid(String token) {
		assertThat(tokens.check(token).state()).isEqualTo(ResetLinkState.INVALID);
		assertThat(tokens.check(null).state()).isEqualTo(ResetLinkState.INVALID);
		assertThat(tokens.check("a".repeat(2049)).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void aTokenWithAnAccountIdThatIsNoUuidIsInvalid() {
		String token = forge(ResetTokenCodec.PURPOSE).subject("ada").compact();
		assertThat(tokens.check(token).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@Test
	void afterAKeyRotationTheOldKeyStillVerifiesAndTheNewOneSigns() {
		IssuedToken beforeRotation = tokens.issue(account, 1);
		ResetTokens rotated = tokens(NEW_KEY, ServiceTest.SIGNING_KEY);
		assertThat(rotated.check(beforeRotation.token()).state()).isEqualTo(ResetLinkState.VALID);
		IssuedToken afterRotation = rotated.issue(UUID.randomUUID(), 1);
		assertThat(decode(afterRotation.token().split("\\.")[0])).contains("\"kid\":\"next\"");
		assertThat(rotated.check(afterRotation.token()).state()).isEqualTo(ResetLinkState.VALID);
		assertThat(tokens.check(afterRotation.token()).state()).isEqualTo(ResetLinkState.INVALID);
	}

	private ResetTokens tokens(String... keys) {
		ResetProperties properties = new ResetProperties(TTL, List.of(keys),
				new ResetProperties.PerAccountLimit(3, Duration.ofHours(1)),
				new ResetProperties.PerClientLimit(30, Duration.ofMinutes(10)),
				new ResetProperties.LinkCheckLimit(60, Duration.ofMinutes(10)),
				new ResetProperties.PerOperatorLimit(20, Duration.ofHours(1)));
		return new ResetTokens(properties, store, clock, meters);
	}

	/** A token with every claim, signed with the test key; tests take one away. */
	private JwtBuilder forge(String purpose) {
		String secret = ServiceTest.SIGNING_KEY.substring(ServiceTest.SIGNING_KEY.indexOf(':') + 1);
		SecretKey key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(secret));
		Instant now = clock.instant();
		return Jwts.builder()
			.header()
			.keyId("test")
			.and()
			.subject(account.toString())
			.claim("pur", purpose)
			.claim("cv", 1)
			.id("random-id")
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(TTL)))
			.signWith(key, Jwts.SIG.HS256);
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
