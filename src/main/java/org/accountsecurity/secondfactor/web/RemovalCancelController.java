package org.accountsecurity.secondfactor.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.RemovalCancelTicket;
import org.accountsecurity.secondfactor.SecondFactorRemovals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The mailed "cancel the removal" link, like the reset link: opening it only checks it; a
 * sound one moves into the session (under a new session id) and the browser on (303) to
 * the same page without the token, which shows the confirm button. Only the POST uses it
 * up. No sign-in needed: the holder may have lost the factor, or the password.
 */
@Controller
class RemovalCancelController {

	static final String PATH = "/second-factor/removal/cancel";

	static final String VIEW = "secondfactor/removal-cancel";

	static final String TICKET = RemovalCancelController.class.getName() + ".ticket";

	private final SecondFactorRemovals removals;

	RemovalCancelController(SecondFactorRemovals removals) {
		this.removals = removals;
	}

	@GetMapping(PATH)
	String open(HttpServletRequest request, HttpServletResponse response, Model model) {
		String[] tokens = request.getParameterValues("token");
		if (tokens == null) {
			return ticket(request) == null ? problem(response, model) : view("confirm", model);
		}
		Optional<RemovalCancelTicket> ticket = tokens.length == 1 ? removals.check(tokens[0]) : Optional.empty();
		if (ticket.isEmpty()) {
			return problem(response, model);
		}
		HttpSession session = request.getSession();
		request.changeSessionId();
		session.setAttribute(TICKET, ticket.get());
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + PATH);
		return null;
	}

	@PostMapping(PATH)
	String cancel(HttpServletRequest request, HttpServletResponse response, Model model) {
		RemovalCancelTicket ticket = ticket(request);
		if (ticket == null) {
			return problem(response, model);
		}
		request.getSession().removeAttribute(TICKET);
		return removals.cancelByLink(ticket, RequestOrigin.of(request)) ? view("cancelled", model)
				: problem(response, model);
	}

	private static RemovalCancelTicket ticket(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (RemovalCancelTicket) session.getAttribute(TICKET);
	}

	// One answer for a forged, used, expired or overtaken link: it says nothing about
	// the account.
	private static String problem(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return view("unusable", model);
	}

	private static String view(String state, Model model) {
		model.addAttribute("state", state);
		return VIEW;
	}

}
