package org.accountsecurity.account.web;

import org.accountsecurity.account.AccountUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security's form login handles {@code POST /login} and
 * {@code POST /logout}.
 */
@Controller
class LoginController {

	static final String LOGIN_VIEW = "login";

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser user) {
		return user == null ? "redirect:/login" : "redirect:/account";
	}

}
