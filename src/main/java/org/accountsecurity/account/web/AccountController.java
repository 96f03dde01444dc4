package org.accountsecurity.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.ActiveSession;
import org.accountsecurity.account.ActiveSessions;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.AccountSessions;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.InvalidAccount;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.SecondFactorRemovalStatus;
import org.accountsecurity.account.SecondFactorStatus;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account details: profile, Change password (with Reset password) and Security. */
@Controller
class AccountController {

	static final String DETAILS_VIEW = "account/details";

	private final Accounts accounts;

	private final AccountService service;

	private final AccountSessions sessions;

	private final AuditTrail trail;

	private final SecondFactorStatus secondFactors;

	private final ActiveSessions activeSessions;

	private final SecondFactorRemovalStatus removals;

	AccountController(Accounts accounts, AccountService service, AccountSessions sessions, AuditTrail trail,
			SecondFactorStatus secondFactors, ActiveSessions activeSessions, SecondFactorRemovalStatus removals) {
		this.removals = removals;
		this.accounts = accounts;
		this.service = service;
		this.sessions = sessions;
		this.trail = trail;
		this.secondFactors = secondFactors;
		this.activeSessions = activeSessions;
	}

	@GetMapping("/account")
	String details(@AuthenticationPrincipal AccountUser user, Model model) {
		Account account = accounts.findById(user.accountId()).orElseThrow();
		model.addAttribute("account", account);
		if (!model.containsAttribute("profile")) {
			model.addAttribute("profile", new ProfileForm(account.displayName(), account.language().code()));
		}
		model.addAttribute("languages", Language.values());
		model.addAttribute("events", trail.recentForAccount(account.id(), 10));
		List<ActiveSession> list = activeSessions.of(account.id(), currentSessionId());
		model.addAttribute("sessionList", list);
		model.addAttribute("activeSessions", list.size());
		model.addAttribute("secondFactors", secondFactors.of(account.id()));
		model.addAttribute("secondFactorRemoval", removals.of(account.id()).orElse(null));
		return DETAILS_VIEW;
	}

	/**
	 * A problem shows Account details again with the fields marked (400), never a
	 * redirect: flash attributes live in the Redis session and must stay plain values.
	 */
	@PostMapping("/account/profile")
	String updateProfile(@AuthenticationPrincipal AccountUser user, @ModelAttribute("profile") ProfileForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			Language language = Language.fromCode(form.language()).orElse(null);
			Account updated = service.updateProfile(user.accountId(), form.displayName(), language,
					RequestOrigin.of(request));
			refreshPrincipal(updated, request);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/account";
		}
		catch (InvalidAccount ex) {
			ex.problems().forEach(p -> binding.rejectValue(p.field(), p.messageKey(), p.args().toArray(), null));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return details(user, model);
		}
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal AccountUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		int ended = sessions.endAll(user.accountId(), request.getSession().getId(), "sign_out_everywhere_else",
				RequestOrigin.of(request));
		redirect.addFlashAttribute("sessionsEnded", ended);
		return "redirect:/account";
	}

	// Also for the pages that show Account details again (EmailChangeController).
	private static String currentSessionId() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpSession session = attributes.getRequest().getSession(false);
		return session == null ? null : session.getId();
	}

	// The menu and the page language come from the principal: give the session the new
	// name and language.
	private static void refreshPrincipal(Account account, HttpServletRequest request) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		var auth = UsernamePasswordAuthenticationToken.authenticated(
				((AccountUser) current.getPrincipal()).withDetailsOf(account), null, current.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

}
