package org.accountsecurity.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.SessionValidity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Signs out a session that {@link SessionValidity} no longer accepts (too old, or signed
 * in before the account's password or e-mail address changed): the session ends and the
 * request goes on anonymous, so pages redirect to the sign-in page and the API answers
 * its 401 problem. Runs right after the security context is set up, but checks only when
 * something reads it: an anonymous request, or a static file, costs no query.
 */
final class StaleSessionFilter implements Filter {

	private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

	private final SessionValidity validity;

	StaleSessionFilter(SessionValidity validity) {
		this.validity = validity;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
		Supplier<SecurityContext> loaded = holder.getDeferredContext();
		holder.setDeferredContext(
				SingletonSupplier.of(() -> checked(loaded.get(), (HttpServletRequest) request, holder)));
		chain.doFilter(request, response);
	}

	private SecurityContext checked(SecurityContext context, HttpServletRequest request,
			SecurityContextHolderStrategy holder) {
		if (context.getAuthentication() == null
				|| !(context.getAuthentication().getPrincipal() instanceof AccountUser user)
				|| validity.isCurrent(user)) {
			return context;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		log.info("Signed out a stale session of account {}", user.accountId());
		return holder.createEmptyContext();
	}

}
