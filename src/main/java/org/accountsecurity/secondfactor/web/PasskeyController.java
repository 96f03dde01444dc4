package org.accountsecurity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.PasskeyProofs;
import org.accountsecurity.secondfactor.Passkeys;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/security/passkeys}: the account's passkeys (name, added, last used),
 * renaming, removing (current password), and the proof that adding one needs. Adding
 * itself is {@link PasskeyRegistrationController}, called by
 * {@code static/js/passkeys.js}.
 */
@Controller
class PasskeyController {

	static final String VIEW = "secondfactor/passkeys";

	static final String PAGE = "redirect:/account/security/passkeys";

	private final Passkeys passkeys;

	private final PasskeyProofs proofs;

	PasskeyController(Passkeys passkeys, PasskeyProofs proofs) {
		this.passkeys = passkeys;
		this.proofs = proofs;
	}

	@GetMapping("/account/security/passkeys")
	String page(@AuthenticationPrincipal AccountUser user, HttpSession session, Model model) {
		return view(user, session, model);
	}

	@PostMapping("/account/security/passkeys/proof")
	String prove(@AuthenticationPrincipal AccountUser user, @ModelAttribute PasskeyForm form, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		switch (proofs.prove(session, user.accountId(), form.currentPassword(), form.code(),
				RequestOrigin.of(request))) {
			case PROVEN -> {
				return PAGE;
			}
			case THROTTLED -> problem(response, model, 429, "throttled", "secondfactor.error.throttled");
			case WRONG_PASSWORD -> problem(response, model, 400, "proofPasswordError", "secondfactor.error.password");
			case WRONG_CODE -> problem(response, model, 400, "proofCodeError", "secondfactor.error.code");
		}
		return view(user, session, model);
	}

	@PostMapping("/account/security/passkeys/{id}/rename")
	String rename(@AuthenticationPrincipal AccountUser user, @PathVariable String id, @ModelAttribute PasskeyForm form,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		switch (passkeys.rename(user.accountId(), id, form.name(), RequestOrigin.of(request))) {
			case DONE -> {
				redirect.addFlashAttribute("passkeyRenamed", true);
				return PAGE;
			}
			case INVALID_NAME -> {
				problem(response, model, 400, "renameError", "passkeys.error.name");
				model.addAttribute("renameId", id);
			}
			default -> problem(response, model, 404, "notFound", "passkeys.error.notFound");
		}
		return view(user, session, model);
	}

	@PostMapping("/account/security/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal AccountUser user, @PathVariable String id, @ModelAttribute PasskeyForm form,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		switch (passkeys.remove(user.accountId(), id, form.currentPassword(), RequestOrigin.of(request))) {
			case DONE -> {
				redirect.addFlashAttribute("passkeyRemoved", true);
				return PAGE;
			}
			case THROTTLED -> problem(response, model, 429, "throttled", "secondfactor.error.throttled");
			case WRONG_PASSWORD -> {
				problem(response, model, 400, "removeError", "secondfactor.error.password");
				model.addAttribute("removeId", id);
			}
			default -> problem(response, model, 404, "notFound", "passkeys.error.notFound");
		}
		return view(user, session, model);
	}

	private String view(AccountUser user, HttpSession session, Model model) {
		model.addAttribute("passkeys", passkeys.of(user.accountId()));
		model.addAttribute("codeNeeded", proofs.codeNeeded(user.accountId()));
		model.addAttribute("proofUntil", proofs.validUntil(session, user.accountId()).orElse(null));
		return VIEW;
	}

	private static void problem(HttpServletResponse response, Model model, int status, String attribute,
			String message) {
		response.setStatus(status);
		model.addAttribute(attribute, message);
	}

}
