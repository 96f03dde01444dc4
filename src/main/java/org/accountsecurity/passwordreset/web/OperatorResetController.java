package org.accountsecurity.passwordreset.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.OperatorResetOutcome;
import org.accountsecurity.passwordreset.PasswordResetService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit console's "Send reset link" button: an operator mails a link to the address
 * stored on an account, recorded as OPERATOR_RESET_TRIGGERED with the operator as actor,
 * then returns to the account's events, which say so, or say which limit held the link
 * back and for how long.
 */
@Controller
class OperatorResetController {

	private final PasswordResetService service;

	OperatorResetController(PasswordResetService service) {
		this.service = service;
	}

	@PostMapping("/operator/accounts/{id}/password-reset")
	String send(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		OperatorResetOutcome outcome = service.requestByOperator(id, operator.accountId(), RequestOrigin.of(request))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (outcome.sent()) {
			redirect.addFlashAttribute("operatorResetSentTo", outcome.email());
		}
		else {
			redirect.addFlashAttribute("operatorResetLimited", outcome.limit().reason());
			redirect.addFlashAttribute("operatorResetRetryMinutes", (outcome.retryAfterSeconds() + 59) / 60);
		}
		redirect.addAttribute("email", outcome.email());
		return "redirect:/operator/audit";
	}

}
