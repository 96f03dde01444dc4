package org.accountsecurity.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.passwordreset.ResetTokens.Check;
import org.accountsecurity.passwordreset.ResetTokens.IssuedToken;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes reading and checking reset tokens (make test replays the inputs under
 * {@code ResetTokenFuzzTestsInputs}; make fuzz mutates them): random text, real tokens
 * with bytes changed, {@code alg: none}, huge tokens, and tokens signed with the real key
 * but with claims of any type. None may throw, and only a token that names exactly the
 * issued link may ever check valid.
 */
class ResetTokenFuzzTests {

	private static final Duration TTL = Duration.ofMinutes(30);

	private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

	private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-03-01T09:00:00Z"));

	private final ResetTokens tokens = new ResetTokens(
			new ResetProperties(TTL, List.of(ServiceTest.SIGNING_KEY), null, null, null, null),
			new InMemoryResetLinkStore(clock), clock, new SimpleMeterRegistry());

	private final SigningKeys keys = new SigningKeys(List.of(ServiceTest.SIGNING_KEY));

	@FuzzTest(maxDuration = "5m")
	void randomTextIsNeverAValidLink(String text) {
		assertThat(tokens.check(text).state()).isEqualTo(ResetLinkState.INVALID);
		assertThat(tokens.checkCancel(text).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@FuzzTest(maxDuration = "5m")
	void aChangedTokenNamesTheIssuedLinkOrNone(FuzzedDataProvider data) {
		IssuedToken issued = tokens.issue(UUID.randomUUID(), 3);
		boolean cancel = data.consumeBoolean();
		String original = cancel ? issued.cancelToken() : issued.token();
		String changed = change(original, data);
		Check check = cancel ? tokens.checkCancel(changed) : tokens.check(changed);
		if (check.state() == ResetLinkState.VALID) {
			// Base64url may spell the same bytes twice (unused low bits of the last
			// character): then it is the same token.
			assertThat(check.pending().tokenIdHash()).isEqualTo(issued.tokenIdHash());
			assertThat(check.accountId()).isEqualTo(issued.accountId());
		}
		// A reset token never cancels, and an "I did not ask for this" token never
		// resets.
		assertThat((cancel ? tokens.check(changed) : tokens.checkCancel(changed)).state())
			.isEqualTo(ResetLinkState.INVALID);
	}

	@FuzzTest(maxDuration = "5m")
	void unsignedTokensAreInvalid(FuzzedDataProvider data) {
		String alg = data.pickValue(new String[] { "none", "None", "NONE", "nOnE", "", data.consumeString(12) });
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", alg);
		if (data.consumeBoolean()) {
			header.put("kid", "test");
		}
		String token = b64(json(header)) + "." + b64(json(claims(data, true))) + "."
				+ (data.consumeBoolean() ? "" : data.consumeString(64));
		assertThat(tokens.check(token).state()).isEqualTo(ResetLinkState.INVALID);
		assertThat(tokens.checkCancel(token).state()).isEqualTo(ResetLinkState.INVALID);
	}

	@FuzzTest(maxDuration = "5m")
	void claimsOfAnyTypeInASignedTokenNeverThrow(FuzzedDataProvider data) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "HS256");
		header.put("kid", data.consumeBoolean() ? "test" : data.consumeString(8));
		// Signed by hand: JJWT's builder refuses claims of the wrong type, a forger need
		// not.
		String signed = b64(json(header)) + "." + b64(json(claims(data, false)));
		String token = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signed));
		Check check = tokens.check(token);
		Check cancel = tokens.checkCancel(token);
		// No link was issued, so the store knows none of them.
		assertThat(check.state()).isNotEqualTo(ResetLinkState.VALID);
		assertThat(cancel.state()).isNotEqualTo(ResetLinkState.VALID);
	}

	@Test
	void aSignedTokenWhoseClaimsHaveTheWrongTypeIsInvalid() {
		Map<String, Object> header = Map.of("alg", "HS256", "kid", "test");
		long now = clock.instant().getEpochSecond();
		for (String claims : List.of(
				"{\"sub\":\"" + UUID.randomUUID() + "\",\"pur\":\"password-reset\",\"cv\":\"3\",\"jti\":\"x\",\"exp\":"
						+ (now + 60) + "}",
				"{\"sub\":\"" + UUID.randomUUID() + "\",\"pur\":\"password-reset-cancel\",\"cv\":3,\"lnk\":[1],\"exp\":"
						+ (now + 60) + "}")) {
			String signed = b64(json(new LinkedHashMap<>(header))) + "." + b64(claims);
			String token = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signed));
			assertThat(tokens.check(token).state()).isEqualTo(ResetLinkState.INVALID);
			assertThat(tokens.checkCancel(token).state()).isEqualTo(ResetLinkState.INVALID);
		}
	}

	private static String change(String token, FuzzedDataProvider data) {
		StringBuilder changed = new StringBuilder(token);
		int edits = data.consumeInt(1, 8);
		for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
			int at = data.consumeInt(0, changed.length());
			switch (data.consumeInt(0, 5)) {
				case 0 -> changed.insert(at, data.consumeString(16));
				case 1 -> changed.delete(at, Math.min(changed.length(), at + data.consumeInt(1, 40)));
				case 2 -> {
					if (at < changed.length()) {
						changed.setCharAt(at, B64URL.charAt(data.consumeInt(0, B64URL.length() - 1)));
					}
				}
				case 3 -> changed.append(String.valueOf((char) data.consumeChar()).repeat(data.consumeInt(1, 5000)));
				case 4 ->
					changed.replace(0, Math.max(0, changed.indexOf(".")), b64("{\"alg\":\"none\",\"kid\":\"test\"}"));
				default -> changed.insert(at, data.pickValue(new String[] { " ", "\t", "\u0000", "%2E", "..", "=" }));
			}
		}
		return changed.toString();
	}

	/** Claims of a reset or cancel token, each of them missing or of any JSON type. */
	private static Map<String, Object> claims(FuzzedDataProvider data, boolean plausible) {
		Map<String, Object> claims = new LinkedHashMap<>();
		long now = Instant.parse("2026-03-01T09:00:00Z").getEpochSecond();
		put(claims, "sub", data, UUID.randomUUID().toString());
		put(claims, "pur", data, data.consumeBoolean() ? ResetTokenCodec.PURPOSE : ResetTokenCodec.CANCEL_PURPOSE);
		put(claims, "cv", data, 3);
		put(claims, "jti", data, "AAAAAAAAAAAAAAAAAAAAAA");
		put(claims, "lnk", data, ResetLinkIds.hash("AAAAAAAAAAAAAAAAAAAAAA"));
		put(claims, "iat", data, now);
		put(claims, "exp", data, now + (plausible ? 600 : data.consumeLong()));
		put(claims, "nbf", data, now);
		return claims;
	}

	private static void put(Map<String, Object> claims, String name, FuzzedDataProvider data, Object plausible) {
		switch (data.consumeInt(0, 7)) {
			case 0 -> {
			}
			case 1 -> claims.put(name, data.consumeString(40));
			case 2 -> claims.put(name, data.consumeLong());
			case 3 -> claims.put(name, data.consumeDouble());
			case 4 -> claims.put(name, data.consumeBoolean());
			case 5 -> claims.put(name, List.of(plausible, data.consumeString(8)));
			case 6 -> claims.put(name, Map.of("value", plausible));
			default -> claims.put(name, plausible);
		}
	}

	private static String json(Map<String, Object> values) {
		StringBuilder json = new StringBuilder("{");
		values.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":");
			json.append(jsonValue(value));
		});
		return json.append('}').toString();
	}

	private static String jsonValue(Object value) {
		if (value instanceof String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(",", list.stream().map(ResetTokenFuzzTests::jsonValue).toList()) + "]";
		}
		if (value instanceof Map<?, ?> map) {
			return "{\"value\":" + jsonValue(map.get("value")) + "}";
		}
		if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
			return "1e999";
		}
		return String.valueOf(value);
	}

	private byte[] hmac(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(keys.current());
			return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
