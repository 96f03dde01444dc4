package org.accountsecurity.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.privacy.DpaAcceptance;
import org.accountsecurity.privacy.PrivacySettings;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account details → Privacy: accept the data processing agreement, choose the cookie
 * categories of webinar pages, download one's data. The account always comes from the
 * session, never from the form.
 */
@Controller
class AccountPrivacyController {

	static final String VIEW = "account/privacy";

	private final PrivacySettings privacy;

	private final PublicBaseUrl base;

	AccountPrivacyController(PrivacySettings privacy, PublicBaseUrl base) {
		this.privacy = privacy;
		this.base = base;
	}

	@GetMapping("/account/privacy")
	String show(@AuthenticationPrincipal AccountUser user, Model model) {
		String current = privacy.currentDpaVersion();
		DpaAcceptance accepted = privacy.dpa(user.accountId()).orElse(null);
		model.addAttribute("dpaVersion", current);
		model.addAttribute("dpaAccepted", accepted);
		model.addAttribute("dpaCurrent", accepted != null && accepted.isOf(current));
		model.addAttribute("cookies", privacy.cookieSettings(user.accountId()));
		// Webinar pages live elsewhere: they need the whole address, built from the
		// configured base only.
		model.addAttribute("cookieSettingsUrl",
				base.link("/api/v1/accounts/" + user.accountId() + "/webinar-cookie-settings"));
		return VIEW;
	}

	/**
	 * The form names the version the person read: if a newer one came meanwhile, nothing
	 * is accepted and the page asks again (409).
	 */
	@PostMapping("/account/privacy/dpa")
	String acceptDpa(@AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!privacy.currentDpaVersion().equals(version)) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("dpaChanged", true);
			return show(user, model);
		}
		privacy.acceptDpa(user.accountId(), RequestOrigin.of(request));
		redirect.addFlashAttribute("dpaSaved", true);
		return "redirect:/account/privacy";
	}

	@PostMapping("/account/privacy/webinar-cookies")
	String changeCookies(@AuthenticationPrincipal AccountUser user, @ModelAttribute WebinarCookiesForm form,
			HttpServletRequest request, RedirectAttributes redirect) {
		privacy.changeCookieSettings(user.accountId(), form.settings(), RequestOrigin.of(request));
		redirect.addFlashAttribute("cookiesSaved", true);
		return "redirect:/account/privacy#webinar-cookies";
	}

}
