package org.accountsecurity.web;

import org.accountsecurity.account.AccountUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user as {@code me} (null when anonymous), for the
 * header's menu.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("me")
	AccountUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountUser user ? user : null;
	}

}
