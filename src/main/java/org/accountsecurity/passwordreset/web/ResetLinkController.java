package org.accountsecurity.passwordreset.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.audit.RequestOrigin;
import org.accountsecurity.password.PasswordPolicy;
import org.accountsecurity.passwordreset.PasswordChangeService;
import org.accountsecurity.passwordreset.PasswordChangeService.ChangeResult;
import org.accountsecurity.passwordreset.PendingReset;
import org.accountsecurity.passwordreset.ResetLinkService;
import org.accountsecurity.passwordreset.ResetLinkState;
import org.accountsecurity.passwordreset.ResetTokens.Check;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The e-mailed link and the new-password form. Opening the link only checks it; a valid
 * one moves into the server-side session and the browser is sent on (303) to a URL
 * without the token, so it leaves the address bar, the history and any Referer. Only the
 * form's POST consumes it.
 */
@Controller
class ResetLinkController {

	static final String PENDING = "passwordReset.pending";

	static final String CANCEL_PENDING = "passwordReset.cancel";

	static final String NEW_PASSWORD_VIEW = "password/new";

	static final String PROBLEM_VIEW = "password/link-problem";

	static final String CANCEL_VIEW = "password/cancel";

	static final String CANCELLED_VIEW = "password/cancelled";

	private final ResetLinkService links;

	private final PasswordChangeService changes;

	private final PasswordPolicy policy;

	private final Clock clock;

	ResetLinkController(ResetLinkService links, PasswordChangeService changes, PasswordPolicy policy, Clock clock) {
		this.links = links;
		this.changes = changes;
		this.policy = policy;
		this.clock = clock;
	}

	@GetMapping("/password/reset")
	String open(HttpServletRequest request, HttpServletResponse response, Model model) {
		Check check = links.open(SingleParameter.of(request, "token").orElse(null), RequestOrigin.of(request));
		return keepAndMoveOn(check, PENDING, "/password/reset/new", request, response, model);
	}

	@GetMapping("/password/reset/new")
	String form(HttpServletRequest request, HttpServletResponse response, Model model) {
		PendingReset pending = pending(request);
		if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
			return problem(pending == null ? ResetLinkState.INVALID : ResetLinkState.EXPIRED, response, model);
		}
		return showForm(pending, model);
	}

	@PostMapping("/password/reset/new")
	String change(NewPasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
		PendingReset pending = pending(request);
		if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
			return problem(pending == null ? ResetLinkState.INVALID : ResetLinkState.EXPIRED, response, model);
		}
		ChangeResult result = changes.complete(pending, form.password(), form.confirmPassword(),
				RequestOrigin.of(request));
		if (result.changed()) {
			// No automatic sign-in (OWASP): the person signs in with the new password.
			request.getSession().invalidate();
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + "/login?reset");
			return null;
		}
		if (!result.violations().isEmpty()) {
			response.setStatus(422);
			model.addAttribute("violations", result.violations());
			return showForm(pending, model);
		}
		request.getSession().removeAttribute(PENDING);
		return problem(result.linkState(), response, model);
	}

	/**
	 * "I did not ask for this": with its token, checks it and moves it into the session
	 * (303, like the reset link); without, shows the confirm button. Nothing is revoked
	 * before the POST.
	 */
	@GetMapping("/password/reset/cancel")
	String confirmCancel(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (request.getParameter("token") == null) {
			return pending(request, CANCEL_PENDING) == null ? problem(ResetLinkState.INVALID, response, model)
					: CANCEL_VIEW;
		}
		Check check = links.openCancel(SingleParameter.of(request, "token").orElse(null), RequestOrigin.of(request));
		return keepAndMoveOn(check, CANCEL_PENDING, "/password/reset/cancel", request, response, model);
	}

	@PostMapping("/password/reset/cancel")
	String cancel(HttpServletRequest request, HttpServletResponse response, Model model) {
		PendingReset pending = pending(request, CANCEL_PENDING);
		if (pending == null) {
			return problem(ResetLinkState.INVALID, response, model);
		}
		request.getSession().removeAttribute(CANCEL_PENDING);
		ResetLinkState state = links.cancel(pending, RequestOrigin.of(request));
		return state == ResetLinkState.VALID ? CANCELLED_VIEW : problem(state, response, model);
	}

	// A valid link moves into the session (under a new session id) and the browser on to
	// a URL without the token (303).
	private static String keepAndMoveOn(Check check, String attribute, String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (check.state() != ResetLinkState.VALID) {
			return problem(check.state(), response, model);
		}
		HttpSession session = request.getSession();
		request.changeSessionId();
		session.setAttribute(attribute, check.pending());
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + next);
		return null;
	}

	private String showForm(PendingReset pending, Model model) {
		model.addAttribute("rules", policy.rules());
		model.addAttribute("expiresAt", pending.expiresAt());
		return NEW_PASSWORD_VIEW;
	}

	private static PendingReset pending(HttpServletRequest request) {
		return pending(request, PENDING);
	}

	private static PendingReset pending(HttpServletRequest request, String attribute) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (PendingReset) session.getAttribute(attribute);
	}

	private static String problem(ResetLinkState state, HttpServletResponse response, Model model) {
		response.setStatus(
				state == ResetLinkState.INVALID ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_GONE);
		model.addAttribute("state", state.reason());
		return PROBLEM_VIEW;
	}

}
