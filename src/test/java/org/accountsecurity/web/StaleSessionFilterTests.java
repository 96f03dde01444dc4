package org.accountsecurity.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.SessionValidity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StaleSessionFilterTests {

	private final SessionValidity validity = mock(SessionValidity.class);

	private final StaleSessionFilter filter = new StaleSessionFilter(validity);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anonymousRequestsAndUnreadContextsCostNoCheck() throws Exception {
		SecurityContextHolder.getContextHolderStrategy().setDeferredContext(SecurityContextImpl::new);
		filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> SecurityContextHolder.getContext());
		// A signed-in request that never reads its context (a style sheet): no query.
		SecurityContextHolder.getContextHolderStrategy().setDeferredContext(() -> signedIn());
		filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
		});
		verify(validity, never()).isCurrent(any());
	}

	@Test
	void aStaleSessionIsInvalidatedAndTheRequestGoesOnAnonymous() throws Exception {
		when(validity.isCurrent(any())).thenReturn(false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpSession session = new MockHttpSession();
		request.setSession(session);
		SecurityContextHolder.getContextHolderStrategy().setDeferredContext(() -> signedIn());
		SecurityContext[] seen = new SecurityContext[1];
		filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen[0] = SecurityContextHolder.getContext());
		assertThat(seen[0].getAuthentication()).isNull();
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aCurrentSessionStaysSignedIn() throws Exception {
		when(validity.isCurrent(any())).thenReturn(true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession());
		SecurityContextHolder.getContextHolderStrategy().setDeferredContext(() -> signedIn());
		SecurityContext[] seen = new SecurityContext[1];
		filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen[0] = SecurityContextHolder.getContext());
		assertThat(seen[0].getAuthentication()).isNotNull();
		assertThat(request.getSession(false)).isNotNull();
	}

	private static SecurityContext signedIn() {
		Instant now = Instant.now();
		AccountUser user = new AccountUser(new Account(UUID.randomUUID(), "a@example.test", "A", Language.EN, "hash",
				Set.of(Role.USER), 3, now, now, now), now);
		return new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
