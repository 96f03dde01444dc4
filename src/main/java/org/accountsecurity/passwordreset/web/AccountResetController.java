package org.accountsecurity.passwordreset.web;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.passwordreset.PasswordResetService.SelfResetOutcome;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reset password on Account details. The account is the signed-in one, whatever the
 * request carries (ASVS 5 8.2.2): no parameter is read.
 */
@Controller
class AccountResetController {

	private final PasswordResetService service;

	AccountResetController(PasswordResetService service) {
		this.service = service;
	}

	@PostMapping("/account/password-reset")
	String reset(@AuthenticationPrincipal AccountUser user, HttpServletRequest request, RedirectAttributes redirect) {
		SelfResetOutcome outcome = service.requestForAccount(user.accountId(), RequestOrigin.of(request));
		if (outcome.limited()) {
			redirect.addFlashAttribute("resetLimited", true);
		}
		else {
			redirect.addFlashAttribute("resetSentTo", EmailAddress.mask(outcome.email()));
			redirect.addFlashAttribute("resetExpiresAt", outcome.expiresAt());
			redirect.addFlashAttribute("resetTtlMinutes", outcome.ttlMinutes());
		}
		return "redirect:/account#change-password";
	}

}
