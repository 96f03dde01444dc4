package org.accountsecurity.securityevents;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.Jwts;
import org.accountsecurity.audit.AuditEvent;

/**
 * An event as a Security Event Token (RFC 8417) for push delivery (RFC 8935): a JWT
 * signed with ES256, {@code typ: secevent+jwt}, issued by the public base URL for one
 * audience, its {@code jti} the stable message id, the account as an opaque
 * {@code sub_id}, and the CAEP event ({@link CaepEvents}).
 */
final class SetEncoder implements EventEncoder {

	static final String CONTENT_TYPE = "application/secevent+jwt";

	private final SetSigningKey key;

	private final String issuer;

	private final String audience;

	SetEncoder(SetSigningKey key, String issuer, String audience) {
		this.key = key;
		this.issuer = issuer;
		this.audience = audience;
	}

	@Override
	public Optional<Encoded> encode(AuditEvent event, String messageId, Instant now) {
		return CaepEvents.of(event)
			.map(events -> new Encoded(CONTENT_TYPE, Map.of("Accept", "application/json"),
					Jwts.builder()
						.header()
						.type("secevent+jwt")
						.keyId(key.keyId())
						.and()
						.issuer(issuer)
						.audience()
						.single(audience)
						.id(messageId)
						.issuedAt(Date.from(now))
						.claim("sub_id", Map.of("format", "opaque", "id", event.accountId().toString()))
						.claim("events", events)
						.signWith(key.privateKey(), Jwts.SIG.ES256)
						.compact()));
	}

}
