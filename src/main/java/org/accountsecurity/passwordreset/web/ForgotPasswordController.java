package org.accountsecurity.passwordreset.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.passwordreset.ResetRequestOutcome;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Forgot password. Every well-formed request gets the same page with the same status,
 * whether or not the address has an account (OWASP Forgot Password Cheat Sheet); only
 * malformed input and the client's own rate limit get other answers, and those never
 * depend on the address.
 */
@Controller
class ForgotPasswordController {

	static final String FORM_VIEW = "password/forgot";

	static final String SENT_VIEW = "password/forgot-sent";

	private final PasswordResetService service;

	ForgotPasswordController(PasswordResetService service) {
		this.service = service;
	}

	@GetMapping("/password/forgot")
	String form() {
		return FORM_VIEW;
	}

	@PostMapping("/password/forgot")
	String request(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> email = SingleParameter.of(request, "email").flatMap(EmailAddress::parse);
		if (email.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("emailInvalid", true);
			return FORM_VIEW;
		}
		ResetRequestOutcome outcome = service.requestForgotten(email.get(), RequestOrigin.of(request));
		if (outcome.clientLimited()) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
			model.addAttribute("limited", true);
			return FORM_VIEW;
		}
		return SENT_VIEW;
	}

}
