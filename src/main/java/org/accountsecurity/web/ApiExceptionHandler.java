package org.accountsecurity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.accountsecurity.account.AccountExists;
import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.InvalidAccount;
import org.accountsecurity.audit.AuditEventsReadOnly;
import org.accountsecurity.audit.InvalidAuditQuery;
import org.accountsecurity.password.PasswordRefused;
import org.accountsecurity.passwordreset.OperatorResetOutcome.Limit;
import org.accountsecurity.passwordreset.ResetLinkLimitReached;
import org.accountsecurity.passwordreset.ResetLinkState;
import org.accountsecurity.passwordreset.ResetLinkUnusable;
import org.accountsecurity.passwordreset.TooManyAttempts;
import org.accountsecurity.passwordreset.TooManyResetRequests;
import org.accountsecurity.system.MalformedField;
import org.accountsecurity.system.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The JSON API's one answer to what went wrong: each fact a controller or service throws
 * becomes an RFC 9457 problem with a stable {@code type} (the URIs live in
 * {@link Problems}); never a stack trace, class name or SQL text. Spring MVC's own
 * exceptions (415, 405) keep their standard form.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail malformedField(MalformedField ex) {
		return withField(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"Give \"" + ex.field() + "\" as " + ex.expected() + "."), ex);
	}

	/**
	 * A body that is no JSON object of the right shape; a field that is not one string
	 * arrives here too, wrapped by Jackson, and is answered as that field's problem.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getMostSpecificCause() instanceof MalformedField field) {
			return ResponseEntity.badRequest().body(malformedField(field));
		}
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The body must be a JSON object whose fields are single strings."));
	}

	@ExceptionHandler
	ProblemDetail invalidAccount(InvalidAccount ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-account", "Invalid account data",
				"One or more fields break a rule; see violations.");
		problem.setProperty("violations",
				ex.problems()
					.stream()
					.map(p -> Map.of("field", p.field(), "code", p.messageKey(), "message",
							message(p.messageKey(), p.args(), locale)))
					.toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail accountExists(AccountExists ex) {
		return Problems.of(HttpStatus.CONFLICT, "account-exists", "Account exists",
				"An account with an equivalent e-mail address exists already.");
	}

	@ExceptionHandler
	ProblemDetail accountNotFound(AccountNotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "No account has this id.");
	}

	@ExceptionHandler
	ProblemDetail resetLinkUnusable(ResetLinkUnusable ex) {
		String reason = ex.state().reason();
		HttpStatus status = ex.state() == ResetLinkState.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.GONE;
		ProblemDetail problem = Problems.of(status, "reset-token-" + reason, "Reset link not usable",
				"This reset link is " + reason + ". Request a new one.");
		problem.setProperty("reason", reason);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail passwordRefused(PasswordRefused ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "password-policy", "Password refused",
				"The new password breaks the policy; see violations.");
		problem.setProperty("violations",
				ex.violations()
					.stream()
					.map(v -> Map.of("code", v.code(), "message", message(v.messageKey(), v.args(), locale)))
					.toList());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts ex) {
		return tooMany(ex.retryAfterSeconds(), "Too many attempts from this client.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyResetRequests(TooManyResetRequests ex) {
		return tooMany(ex.retryAfterSeconds(), "Too many reset requests from this client.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> resetLinkLimitReached(ResetLinkLimitReached ex) {
		ResponseEntity<ProblemDetail> answer = tooMany(ex.retryAfterSeconds(),
				(ex.limit() == Limit.PER_ACCOUNT)
						? "This account has been sent its limit of reset links for now; no link was sent."
						: "You have sent your limit of reset links for now; no link was sent.");
		answer.getBody().setProperty("limit", ex.limit().reason());
		return answer;
	}

	@ExceptionHandler
	ProblemDetail invalidAuditQuery(InvalidAuditQuery ex) {
		return withField(Problems.of(HttpStatus.BAD_REQUEST, "invalid-filter", "Invalid filter",
				"\"" + ex.field() + "\" must be " + ex.expected() + "."), ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> auditEventsReadOnly(AuditEventsReadOnly ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, "GET, HEAD")
			.body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "read-only", "Audit events are read-only",
					"Audit events can be read, exported and verified; nothing can change or delete them."));
	}

	private static ResponseEntity<ProblemDetail> tooMany(long retryAfterSeconds, String detail) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					detail + " Retry after the given seconds."));
	}

	private static ProblemDetail withField(ProblemDetail problem, MalformedField ex) {
		problem.setProperty("field", ex.field());
		return problem;
	}

	private String message(String key, List<Object> args, Locale locale) {
		return messages.getMessage(key, args.toArray(), key, locale);
	}

}
