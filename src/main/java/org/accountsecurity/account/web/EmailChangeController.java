package org.accountsecurity.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.account.emailchange.EmailChangeService;
import org.accountsecurity.account.emailchange.EmailChangeService.RequestResult;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The E-mail address section of Account details: a new address and the current password
 * ask for a change. The account is the signed-in one, whatever the request carries. A
 * problem shows Account details again with the field marked, rendered by
 * {@link AccountController} so that it looks as after a GET.
 */
@Controller
class EmailChangeController {

	private final EmailChangeService service;

	private final AccountController details;

	EmailChangeController(EmailChangeService service, AccountController details) {
		this.service = service;
		this.details = details;
	}

	@PostMapping("/account/email")
	String request(@AuthenticationPrincipal AccountUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		String newEmail = SingleValue.of(request, "newEmail");
		RequestResult result = service.request(user.accountId(), newEmail, SingleValue.of(request, "currentPassword"),
				RequestOrigin.of(request));
		switch (result.status()) {
			case SENT -> {
				// Also when the address belongs to another account: the same answer, so
				// nobody learns that it does.
				redirect.addFlashAttribute("emailChangeSentTo", result.sentTo());
				redirect.addFlashAttribute("emailChangeMinutes", result.linkMinutes());
				return "redirect:/account#email-address";
			}
			case INVALID_ADDRESS -> problem(response, model, "newEmailError", "account.email.invalid");
			case SAME_ADDRESS -> problem(response, model, "newEmailError", "account.emailChange.same");
			case WRONG_PASSWORD ->
				problem(response, model, "currentPasswordError", "account.emailChange.wrongPassword");
			case LIMITED -> {
				response.setStatus(429);
				response.setHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
				model.addAttribute("emailChangeLimited", (result.retryAfterSeconds() + 59) / 60);
			}
		}
		// Shown again so it can be corrected, unless it is too long to be an address
		// anyway.
		boolean showable = newEmail != null && newEmail.length() <= EmailAddress.MAX_LENGTH;
		model.addAttribute("emailChange", new EmailChangeForm(showable ? newEmail : ""));
		return details.details(user, model);
	}

	private static void problem(HttpServletResponse response, Model model, String field, String messageKey) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute(field, messageKey);
	}

}
