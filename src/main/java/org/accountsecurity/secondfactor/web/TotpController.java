package org.accountsecurity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.TotpEnrolment;
import org.accountsecurity.secondfactor.TotpEnrolment.Offer;
import org.accountsecurity.secondfactor.TotpEnrolment.Result;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /account/security/totp}: the QR code and secret to scan, enrolment with the
 * current password and a code, then the recovery codes once. With TOTP on, the page
 * offers new recovery codes and turning TOTP off instead.
 */
@Controller
class TotpController {

	static final String ENROL_VIEW = "secondfactor/totp";

	static final String ON_VIEW = "secondfactor/totp-on";

	static final String CODES_VIEW = "secondfactor/recovery-codes";

	// The offered secret, sealed (AES-GCM): a session dump shows no secret.
	static final String OFFER = TotpController.class.getName() + ".offer";

	private final TotpEnrolment enrolment;

	TotpController(TotpEnrolment enrolment) {
		this.enrolment = enrolment;
	}

	@GetMapping("/account/security/totp")
	String page(@AuthenticationPrincipal AccountUser user, HttpSession session, Model model) {
		if (enrolment.enrolled(user.accountId())) {
			return ON_VIEW;
		}
		Offer offer = enrolment.offer(user.accountId(), (String) session.getAttribute(OFFER));
		session.setAttribute(OFFER, offer.sealed());
		model.addAttribute("offer", offer);
		return ENROL_VIEW;
	}

	@PostMapping("/account/security/totp")
	String enrol(@AuthenticationPrincipal AccountUser user, @ModelAttribute CodeForm form, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Result result = enrolment.enrol(user.accountId(), (String) session.getAttribute(OFFER), form.code(),
				form.currentPassword(), RequestOrigin.of(request));
		switch (result.status()) {
			case ENROLLED -> {
				session.removeAttribute(OFFER);
				model.addAttribute("recoveryCodes", result.recoveryCodes());
				model.addAttribute("enrolled", true);
				return CODES_VIEW;
			}
			case ALREADY_ON -> {
				session.removeAttribute(OFFER);
				return "redirect:/account/security/totp";
			}
			case NO_OFFER -> {
				return "redirect:/account/security/totp";
			}
			case THROTTLED -> {
				response.setStatus(429);
				model.addAttribute("throttled", true);
			}
			case WRONG_PASSWORD -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("currentPasswordError", "secondfactor.error.password");
			}
			case WRONG_CODE -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("codeError", "secondfactor.error.code");
			}
		}
		model.addAttribute("offer", enrolment.offer(user.accountId(), (String) session.getAttribute(OFFER)));
		return ENROL_VIEW;
	}

}
