package org.accountsecurity.account.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.SessionRevocation;
import org.accountsecurity.account.SessionRevocation.Revocation;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * <em>Sign out</em> of one other session, from the list on Account details. A handle that
 * names no other live session of the signed-in account (another account's, an ended one,
 * the asking session's own, a made-up one) gets the same 404 page and changes nothing.
 */
@Controller
class SessionsController {

	private static final Pattern HANDLE = Pattern.compile("[0-9a-f]{32}");

	private final SessionRevocation revocation;

	SessionsController(SessionRevocation revocation) {
		this.revocation = revocation;
	}

	@PostMapping("/account/sessions/{handle}/revoke")
	String revoke(@AuthenticationPrincipal AccountUser user, @PathVariable String handle, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		HttpSession current = request.getSession(false);
		Revocation done = HANDLE.matcher(handle).matches() ? revocation.revoke(user.accountId(), handle,
				current == null ? null : current.getId(), RequestOrigin.of(request)) : Revocation.UNKNOWN;
		if (done == Revocation.UNKNOWN) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
			return "error";
		}
		// A parallel request that ended it first: the holder sees the same outcome.
		redirect.addFlashAttribute("sessionRevoked", true);
		return "redirect:/account#sessions";
	}

}
