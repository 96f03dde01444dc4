package org.accountsecurity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.passwordreset.TooManyAttemptsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages' answers to limits and unavailable dependencies: a clear page in the person's language, no trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	@ExceptionHandler
	String tooMany(TooManyAttemptsException ex, HttpServletResponse response, Model model) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		model.addAttribute("status", 429);
		return "error";
	}

	@ExceptionHandler({ RedisConnectionFailureException.class, DataAccessResourceFailureException.class })
	String unavailable(RuntimeException ex, HttpServletResponse response, Model model) {
		log.warn("Dependency unavailable: {}", ex.getClass().getSimpleName());
		response.setStatus(503);
		model.addAttribute("status", 503);
		return "error";
	}

}
