package org.accountsecurity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.SecondFactorChanges;
import org.accountsecurity.secondfactor.SecondFactorChanges.Result;
import org.accountsecurity.secondfactor.SecondFactorChanges.Status;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * With TOTP on: {@code POST /account/security/recovery-codes} (a new set, shown once) and
 * {@code POST /account/security/totp/disable}, each with the current password and a
 * second-factor code.
 */
@Controller
class SecondFactorChangesController {

	private final SecondFactorChanges changes;

	SecondFactorChangesController(SecondFactorChanges changes) {
		this.changes = changes;
	}

	@PostMapping("/account/security/recovery-codes")
	String regenerate(@AuthenticationPrincipal AccountUser user, @ModelAttribute CodeForm form,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Result result = changes.regenerate(user.accountId(), form.currentPassword(), form.code(),
				RequestOrigin.of(request));
		if (result.status() == Status.DONE) {
			model.addAttribute("recoveryCodes", result.recoveryCodes());
			model.addAttribute("regenerated", true);
			return TotpController.CODES_VIEW;
		}
		return problem(result.status(), "regenerate", response, model);
	}

	@PostMapping("/account/security/totp/disable")
	String disable(@AuthenticationPrincipal AccountUser user, @ModelAttribute CodeForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Status status = changes.disable(user.accountId(), form.currentPassword(), form.code(),
				RequestOrigin.of(request));
		if (status == Status.DONE) {
			redirect.addFlashAttribute("totpDisabled", true);
			return "redirect:/account";
		}
		return problem(status, "disable", response, model);
	}

	private static String problem(Status status, String form, HttpServletResponse response, Model model) {
		switch (status) {
			case NOT_ON -> {
				return "redirect:/account/security/totp";
			}
			case THROTTLED -> {
				response.setStatus(429);
				model.addAttribute("throttled", true);
			}
			case WRONG_PASSWORD -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute(form + "PasswordError", "secondfactor.error.password");
			}
			default -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute(form + "CodeError", "secondfactor.error.code");
			}
		}
		return TotpController.ON_VIEW;
	}

}
