package org.accountsecurity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.accountsecurity.system.Problems;
import org.accountsecurity.account.AccountExists;
import org.accountsecurity.account.InvalidAccount;
import org.accountsecurity.passwordreset.TooManyAttempts;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The JSON API's errors as RFC 9457 problems with a stable {@code type}; never a stack
 * trace, class name or SQL text. Spring MVC's own exceptions (415, 405, 400 on unreadable
 * bodies) keep their standard form.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalidAccount(InvalidAccount ex, Locale locale) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-account", "Invalid account data",
				"One or more fields break a rule; see violations.");
		List<Map<String, String>> violations = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "code", p.messageKey(), "message",
					messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale)))
			.toList();
		problem.setProperty("violations", violations);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail accountExists(AccountExists ex) {
		return Problems.of(HttpStatus.CONFLICT, "account-exists", "Account exists",
				"An account with an equivalent e-mail address exists already.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(TooManyAttempts ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(ex.retryAfterSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"Too many attempts from this client. Retry after the given seconds."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The body must be a JSON object whose fields are single strings."));
	}

}
