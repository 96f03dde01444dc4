package org.accountsecurity.bench.server;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework's floor: the same Tomcat, filters, Spring Security, JSON reading and writing as
 * {@code POST /api/v1/password-resets}, and no work of our own.
 */
@RestController
class BareController {

	private static final Map<String, Object> OK = Map.of("status", "accepted", "message", "bare");

	@GetMapping(path = "/bench/bare", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> get() {
		return OK;
	}

	@PostMapping(path = "/bench/bare", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> post(@RequestBody Map<String, Object> body) {
		return ResponseEntity.accepted().body(body.get("email") instanceof String ? OK : Map.of("status", "bad"));
	}

}
