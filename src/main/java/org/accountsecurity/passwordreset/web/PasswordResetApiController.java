package org.accountsecurity.passwordreset.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.PasswordChangeService;
import org.accountsecurity.passwordreset.PasswordChangeService.ChangeResult;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.passwordreset.ResetLinkService;
import org.accountsecurity.passwordreset.ResetLinkState;
import org.accountsecurity.passwordreset.ResetRequestOutcome;
import org.accountsecurity.passwordreset.ResetTokens.Check;
import org.accountsecurity.system.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reset flow for programs (docs/flows.md, JSON API). Bodies are JSON objects whose
 * fields must be single strings: an array, object, number or null where a string belongs
 * is a 400, so one request can never name two recipients.
 */
@RestController
class PasswordResetApiController {

	private final PasswordResetService resets;

	private final ResetLinkService links;

	private final PasswordChangeService changes;

	private final MessageSource messages;

	PasswordResetApiController(PasswordResetService resets, ResetLinkService links, PasswordChangeService changes,
			MessageSource messages) {
		this.resets = resets;
		this.links = links;
		this.changes = changes;
		this.messages = messages;
	}

	@PostMapping(path = "/api/v1/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> request(@RequestBody Map<String, Object> body, HttpServletRequest http) {
		Optional<String> email = string(body, "email").flatMap(EmailAddress::parse);
		if (email.isEmpty()) {
			return badRequest("email", "Give \"email\" as one e-mail address string.");
		}
		ResetRequestOutcome outcome = resets.requestForgotten(email.get(), RequestOrigin.of(http));
		if (outcome.clientLimited()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", Long.toString(outcome.retryAfterSeconds()))
				.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
						"Too many reset requests from this client. Retry after the given seconds."));
		}
		return ResponseEntity.accepted()
			.body(Map.of("status", "accepted", "message",
					"If an account has this address, a reset link is on its way to it."));
	}

	@PostMapping(path = "/api/v1/password-resets/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> verify(@RequestBody Map<String, Object> body, HttpServletRequest http) {
		Optional<String> token = string(body, "token");
		if (token.isEmpty()) {
			return badRequest("token", "Give \"token\" as one string.");
		}
		Check check = links.open(token.get(), RequestOrigin.of(http));
		if (check.state() != ResetLinkState.VALID) {
			return rejected(check.state());
		}
		return ResponseEntity.ok(Map.of("valid", true, "expiresAt", check.pending().expiresAt().toString()));
	}

	@PostMapping(path = "/api/v1/password-resets/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> complete(@RequestBody Map<String, Object> body, HttpServletRequest http, Locale locale) {
		Optional<String> token = string(body, "token");
		Optional<String> password = string(body, "newPassword");
		if (token.isEmpty() || password.isEmpty()) {
			return badRequest(token.isEmpty() ? "token" : "newPassword",
					"Give \"token\" and \"newPassword\" as strings.");
		}
		RequestOrigin origin = RequestOrigin.of(http);
		Check check = links.check(token.get(), origin);
		if (check.state() != ResetLinkState.VALID) {
			return rejected(check.state());
		}
		ChangeResult result = changes.complete(check.pending(), password.get(), password.get(), origin);
		if (result.changed()) {
			return ResponseEntity.noContent().build();
		}
		if (result.violations().isEmpty()) {
			return rejected(result.linkState());
		}
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "password-policy", "Password refused",
				"The new password breaks the policy; see violations.");
		List<Map<String, String>> violations = result.violations()
			.stream()
			.map(v -> Map.of("code", v.code(), "message",
					messages.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), locale)))
			.toList();
		problem.setProperty("violations", violations);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private static Optional<String> string(Map<String, Object> body, String field) {
		return body != null && body.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
	}

	private static ResponseEntity<Object> badRequest(String field, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
		problem.setProperty("field", field);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<Object> rejected(ResetLinkState state) {
		HttpStatus status = state == ResetLinkState.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.GONE;
		ProblemDetail problem = Problems.of(status, "reset-token-" + state.reason(), "Reset link not usable",
				"This reset link is " + state.reason() + ". Request a new one.");
		problem.setProperty("reason", state.reason());
		return ResponseEntity.status(status).body(problem);
	}

}
