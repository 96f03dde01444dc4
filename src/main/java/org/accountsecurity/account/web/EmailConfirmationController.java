package org.accountsecurity.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.emailchange.ConfirmationState;
import org.accountsecurity.account.emailchange.EmailConfirmationService;
import org.accountsecurity.account.emailchange.EmailConfirmationService.Confirmation;
import org.accountsecurity.audit.RequestOrigin;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The e-mailed confirmation link, for whoever holds it, signed in or not. Opening it only
 * shows a button (mail scanners open links); the button's POST, with the token in a
 * hidden field, makes the change.
 */
@Controller
class EmailConfirmationController {

	static final String CONFIRM_VIEW = "account/email-confirm";

	static final String CHANGED_VIEW = "account/email-changed";

	static final String PROBLEM_VIEW = "account/email-link-problem";

	private final EmailConfirmationService confirmations;

	EmailConfirmationController(EmailConfirmationService confirmations) {
		this.confirmations = confirmations;
	}

	@GetMapping("/account/email/confirm")
	String open(HttpServletRequest request, HttpServletResponse response, Model model) {
		String token = SingleValue.of(request, "token");
		Confirmation check = confirmations.check(token);
		if (check.state() != ConfirmationState.VALID) {
			return problem(check.state(), response, model);
		}
		model.addAttribute("token", token);
		model.addAttribute("newAddress", check.maskedAddress());
		return CONFIRM_VIEW;
	}

	@PostMapping("/account/email/confirm")
	String confirm(HttpServletRequest request, HttpServletResponse response, Model model) {
		AccountUser me = signedIn();
		HttpSession session = request.getSession(false);
		Confirmation result = confirmations.confirm(SingleValue.of(request, "token"),
				me == null ? null : me.accountId(), session == null ? null : session.getId(),
				RequestOrigin.of(request));
		if (result.state() != ConfirmationState.CONFIRMED) {
			return problem(result.state(), response, model);
		}
		boolean own = me != null && me.accountId().equals(result.account().id());
		if (own) {
			refreshPrincipal(result.account(), request);
		}
		model.addAttribute("newAddress", result.maskedAddress());
		model.addAttribute("signedIn", own);
		return CHANGED_VIEW;
	}

	private static String problem(ConfirmationState state, HttpServletResponse response, Model model) {
		response.setStatus(switch (state) {
			case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
			case TAKEN -> HttpServletResponse.SC_CONFLICT;
			default -> HttpServletResponse.SC_GONE;
		});
		model.addAttribute("state", state.reason());
		return PROBLEM_VIEW;
	}

	private static AccountUser signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountUser user ? user : null;
	}

	// The menu and the next page show the principal's address: give this session the new
	// one, and the credential version the change moved to (the other sessions keep the
	// old
	// one and are signed out).
	private static void refreshPrincipal(Account account, HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		AccountUser user = ((AccountUser) current.getPrincipal()).afterOwnChange(account);
		var context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

}
