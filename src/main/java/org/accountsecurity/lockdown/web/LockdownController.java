package org.accountsecurity.lockdown.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.lockdown.Lockdown;
import org.accountsecurity.lockdown.PendingLockdown;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "This wasn't me" from a new-device alert. Opening the link only checks it; a valid one
 * moves into the session (under a new session id) and the browser on (303) to the same
 * page without the token, which shows the confirm button. Only the POST uses the link up
 * and locks the account down; the answer offers the way back, a reset link.
 */
@Controller
class LockdownController {

	static final String PENDING = "lockdown.pending";

	private static final String PATH = "/account/lockdown";

	private final Lockdown lockdown;

	private final Clock clock;

	LockdownController(Lockdown lockdown, Clock clock) {
		this.lockdown = lockdown;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String confirm(HttpServletRequest request, HttpServletResponse response) {
		String[] tokens = request.getParameterValues("token");
		if (tokens == null) {
			return pending(request).isPresent() ? "lockdown/confirm" : problem(response);
		}
		Optional<PendingLockdown> link = tokens.length == 1 ? lockdown.check(tokens[0]) : Optional.empty();
		if (link.isEmpty()) {
			return problem(response);
		}
		HttpSession session = request.getSession();
		request.changeSessionId();
		session.setAttribute(PENDING, link.get());
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + PATH);
		return null;
	}

	@PostMapping(PATH)
	String lock(HttpServletRequest request, HttpServletResponse response) {
		Optional<PendingLockdown> link = pending(request);
		if (link.isEmpty()) {
			return problem(response);
		}
		request.getSession().removeAttribute(PENDING);
		if (!lockdown.lock(link.get(), RequestOrigin.of(request))) {
			return problem(response);
		}
		// The session the link was opened in ends too, signed in or not.
		request.getSession().invalidate();
		return "lockdown/done";
	}

	private Optional<PendingLockdown> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object value = session == null ? null : session.getAttribute(PENDING);
		return value instanceof PendingLockdown link && clock.instant().isBefore(link.expiresAt()) ? Optional.of(link)
				: Optional.empty();
	}

	private static String problem(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "lockdown/link-problem";
	}

}
