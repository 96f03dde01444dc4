package org.accountsecurity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.passwordreset.TooManyAttempts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages' answer to a client over a limit: the error page in the person's language, with
 * Retry-After.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	@ExceptionHandler
	String tooMany(TooManyAttempts ex, HttpServletResponse response, Model model) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		model.addAttribute("status", 429);
		return "error";
	}

}
