package org.accountsecurity.securityevents;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.accountsecurity.audit.AuditDetails;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The webhook signature, payload and Security Event Tokens, without a server. */
class SecurityEventEncodingTests {

	@Test
	void theSignatureMatchesTheStandardWebhooksReferenceVector() {
		WebhookSignature signature = new WebhookSignature(
				ReceiverSettings.secret("s", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
		assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void thePayloadCarriesTheCoreAndTheAccountIdButNoPersonalField() {
		UUID account = UUID.randomUUID();
		AuditEvent event = event(AuditEventType.PASSWORD_CHANGED, Outcome.SUCCESS, AuditEntry.SELF, account);
		assertThat(WebhookEncoder.payload(event)).containsEntry("type", "PASSWORD_CHANGED")
			.containsEntry("eventId", 42L)
			.containsEntry("accountId", account.toString())
			.containsEntry("occurredAt", "2026-12-04T08:00:00Z")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("details", Map.of("trigger", "self"))
			.doesNotContainKeys("clientAddress", "userAgent", "subjectHash", "requestId", "actor");
		assertThat(WebhookEncoder.payload(event).toString()).doesNotContain("203.0.113", "Firefox", "req-1");
	}

	@Test
	void theMessageIdIsStablePerReceiverAndEvent() {
		Target one = new Target("a".repeat(64), "webhooks[0]", URI.create("https://x.test"),
				java.util.Set.of(AuditEventType.PASSWORD_CHANGED), 3, null);
		Target other = new Target("b".repeat(64), "webhooks[1]", URI.create("https://y.test"),
				java.util.Set.of(AuditEventType.PASSWORD_CHANGED), 3, null);
		Instant at = Instant.parse("2026-12-04T08:00:00Z");
		assertThat(one.messageId(42, at)).isEqualTo(one.messageId(42, at)).startsWith("msg_42_");
		assertThat(one.messageId(42, at)).isNotEqualTo(other.messageId(42, at)).isNotEqualTo(one.messageId(43, at));
	}

	@Test
	void aSecSaysWhatChangedAndIsSignedWithTheServedKey() {
		SetSigningKey key = new SetSigningKey(null);
		SetEncoder encoder = new SetEncoder(key, "https://accounts.example.test", "https://rp.example.test");
		UUID account = UUID.randomUUID();
		String jwt = encoder
			.encode(event(AuditEventType.SECOND_FACTOR_REMOVED, Outcome.SUCCESS, "operator:" + UUID.randomUUID(),
					account), "msg_1", Instant.parse("2026-12-04T08:00:01Z"))
			.orElseThrow()
			.body();
		var publicKey = io.jsonwebtoken.security.Jwks.setParser()
			.build()
			.parse(key.jwkSetJson())
			.getKeys()
			.iterator()
			.next()
			.toKey();
		Claims claims = Jwts.parser()
			.verifyWith((java.security.PublicKey) publicKey)
			.requireAudience("https://rp.example.test")
			.build()
			.parseSignedClaims(jwt)
			.getPayload();
		assertThat(claims.getIssuer()).isEqualTo("https://accounts.example.test");
		assertThat(claims.getId()).isEqualTo("msg_1");
		assertThat(claims.get("events", Map.class).toString()).contains(CaepEvents.CREDENTIAL_CHANGE,
				"credential_type=app", "change_type=delete", "initiating_entity=admin");
		assertThat(key.jwkSetJson()).doesNotContain("\"d\"");
		String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
		assertThat(header).contains("\"typ\":\"secevent+jwt\"", "\"alg\":\"ES256\"");
	}

	@Test
	void aConfiguredKeyIsReadFromPemOrBase64AndABadOneIsNamed() throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
		generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		java.security.KeyPair pair = generator.generateKeyPair();
		String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		for (String setting : new String[] { base64, pem }) {
			SetSigningKey key = new SetSigningKey(setting);
			String jwt = Jwts.builder().subject("x").signWith(key.privateKey(), Jwts.SIG.ES256).compact();
			assertThat(
					Jwts.parser().verifyWith(pair.getPublic()).build().parseSignedClaims(jwt).getPayload().getSubject())
				.isEqualTo("x");
		}
		for (String bad : new String[] { "not a key", base64.substring(0, 40) }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SetSigningKey(bad))
				.isInstanceOfSatisfying(org.accountsecurity.system.InvalidSetting.class,
						ex -> assertThat(ex.setting()).isEqualTo("app.events.set-signing-key"));
		}
		SetSigningKey none = new SetSigningKey(null, false);
		assertThat(none.jwkSetJson()).isEqualTo("{\"keys\":[]}");
		assertThatIllegalStateException().isThrownBy(none::privateKey);
	}

	@Test
	void failedStepsAndOtherTypesAreNoSecs() {
		UUID account = UUID.randomUUID();
		assertThat(CaepEvents.of(event(AuditEventType.PASSWORD_CHANGED, Outcome.FAILURE, AuditEntry.SELF, account)))
			.isEmpty();
		assertThat(CaepEvents.of(event(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, AuditEntry.SELF, account)))
			.isEmpty();
		assertThat(CaepEvents.of(event(AuditEventType.PASSWORD_CHANGED, Outcome.SUCCESS, AuditEntry.SELF, null)))
			.isEmpty();
		assertThat(CaepEvents.of(event(AuditEventType.SESSIONS_REVOKED, Outcome.SUCCESS, AuditEntry.SYSTEM, account))
			.orElseThrow()).containsKey(CaepEvents.SESSION_REVOKED);
	}

	private static AuditEvent event(AuditEventType type, Outcome outcome, String actor, UUID account) {
		return new AuditEvent(42, Instant.parse("2026-12-04T08:00:00Z"), type, outcome, null, actor, account,
				"pseudonym", "203.0.113.0", "Firefox 140", "req-1", null, null,
				AuditDetails.NONE.with("trigger", "self"));
	}

}
