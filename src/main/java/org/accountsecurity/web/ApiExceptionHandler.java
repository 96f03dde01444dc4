package org.accountsecurity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.accountsecurity.account.AccountExistsException;
import org.accountsecurity.account.InvalidAccountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The JSON API's errors as RFC 9457 problems with a stable {@code type}; never a stack trace, class name
 * or SQL text. Spring MVC's own exceptions (415, 405, 400 on unreadable bodies) keep their standard form.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalidAccount(InvalidAccountException ex, Locale locale) {
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
	ProblemDetail accountExists(AccountExistsException ex) {
		return Problems.of(HttpStatus.CONFLICT, "account-exists", "Account exists",
				"An account with an equivalent e-mail address exists already.");
	}

	@ExceptionHandler({ RedisConnectionFailureException.class, DataAccessResourceFailureException.class })
	ProblemDetail unavailable(RuntimeException ex) {
		log.warn("Dependency unavailable: {}", ex.getClass().getSimpleName());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
				"A service this request needs is briefly unavailable. Nothing was changed; try again shortly.");
	}

	@Override
	protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
			HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
			org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		return org.springframework.http.ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The body must be a JSON object whose fields are single strings."));
	}

}
