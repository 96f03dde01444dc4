package org.accountsecurity.web;

import java.util.Locale;

import org.accountsecurity.passwordreset.OperatorResetOutcome.Limit;
import org.accountsecurity.passwordreset.ResetLinkLimitReached;
import org.accountsecurity.passwordreset.TooManyAttempts;
import org.accountsecurity.passwordreset.TooManyResetRequests;
import org.accountsecurity.system.MalformedField;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts that the API's tests reach only over a limit: each is a 429 problem of type
 * {@code rate-limited} with Retry-After.
 */
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler(new StaticMessageSource());

	@Test
	void tooManyAttemptsIsRateLimitedWithRetryAfter() {
		assertRateLimited(handler.tooManyAttempts(new TooManyAttempts(42)), "42");
	}

	@Test
	void tooManyResetRequestsIsRateLimitedWithRetryAfter() {
		ResponseEntity<ProblemDetail> answer = handler.tooManyResetRequests(new TooManyResetRequests(7));
		assertRateLimited(answer, "7");
		assertThat(answer.getBody().getDetail()).startsWith("Too many reset requests");
	}

	@Test
	void aReachedResetLinkLimitNamesTheLimit() {
		ResponseEntity<ProblemDetail> answer = handler
			.resetLinkLimitReached(new ResetLinkLimitReached(Limit.PER_ACCOUNT, 60));
		assertRateLimited(answer, "60");
		assertThat(answer.getBody().getProperties()).containsEntry("limit", "per_account");
	}

	@Test
	void aFieldRefusedWhileReadingTheBodyIsThatFieldsProblem() {
		HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("JSON parse error",
				new IllegalStateException("wrapped", new MalformedField("email", "one string")),
				new MockHttpInputMessage(new byte[0]));
		ResponseEntity<Object> answer = handler.handleHttpMessageNotReadable(unreadable, new HttpHeaders(), null,
				new ServletWebRequest(new MockHttpServletRequest()));
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(problem.getType().toString()).endsWith("/malformed-request");
		assertThat(problem.getProperties()).containsEntry("field", "email");
		assertThat(problem.getDetail()).isEqualTo("Give \"email\" as one string.");
	}

	private static void assertRateLimited(ResponseEntity<ProblemDetail> answer, String retryAfter) {
		assertThat(answer.getStatusCode().value()).isEqualTo(429);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
		assertThat(answer.getBody().getType().toString())
			.isEqualTo("https://account-security.dev/problems/rate-limited");
		assertThat(answer.getBody().getDetail().toLowerCase(Locale.ROOT)).endsWith("retry after the given seconds.");
	}

}
