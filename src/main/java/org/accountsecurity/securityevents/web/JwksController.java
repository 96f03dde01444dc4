package org.accountsecurity.securityevents.web;

import java.time.Duration;

import org.accountsecurity.securityevents.SetSigningKey;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public key of the Security Event Tokens, for
 * receivers to verify them (RFC 7517). Public and cacheable for a few minutes.
 */
@RestController
class JwksController {

	private final SetSigningKey key;

	JwksController(SetSigningKey key) {
		this.key = key;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(key.jwkSetJson());
	}

}
