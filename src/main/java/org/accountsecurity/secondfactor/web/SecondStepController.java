package org.accountsecurity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.SessionDevices;
import org.accountsecurity.lockdown.NewDeviceAlerts;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.SecondSignIn;
import org.accountsecurity.secondfactor.SecondSignIn.Completion;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /login/second-factor}: after a proven password, a TOTP or recovery code. Only an
 * accepted code puts the account's authentication into the session, under a new session
 * id; the sign-in is then complete, so the browser gets its device cookie (and a new one
 * leads to a new-device alert).
 */
@Controller
class SecondStepController {

	static final String VIEW = "secondfactor/second-step";

	private final SecondSignIn secondSignIn;

	private final SessionDevices devices;

	private final NewDeviceAlerts alerts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondStepController(SecondSignIn secondSignIn, SessionDevices devices, NewDeviceAlerts alerts) {
		this.secondSignIn = secondSignIn;
		this.devices = devices;
		this.alerts = alerts;
	}

	@GetMapping("/login/second-factor")
	String page(HttpServletRequest request) {
		return secondSignIn.waiting(request.getSession(false)) ? VIEW : "redirect:/login?expired";
	}

	@PostMapping("/login/second-factor")
	String complete(@ModelAttribute CodeForm form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		HttpSession session = request.getSession(false);
		Completion completion = secondSignIn.complete(session, form.code(), RequestOrigin.of(request));
		switch (completion.status()) {
			case SIGNED_IN -> {
				request.changeSessionId();
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(completion.user(), null,
						completion.user().getAuthorities()));
				SecurityContextHolder.setContext(context);
				contexts.saveContext(context, request, response);
				devices.recordSignIn(request.getSession(), request);
				alerts.signedIn(request, response, completion.user());
				return "redirect:/account";
			}
			case EXPIRED -> {
				return "redirect:/login?expired";
			}
			case THROTTLED -> {
				response.setStatus(429);
				model.addAttribute("throttled", true);
			}
			case WRONG_CODE -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("codeError", "secondfactor.error.code");
			}
		}
		return VIEW;
	}

}
