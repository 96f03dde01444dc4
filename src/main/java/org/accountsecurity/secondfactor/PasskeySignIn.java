package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.AccountLockedDown;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.SignInGate;
import org.accountsecurity.account.SignInProperties;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.ratelimit.ClientKey;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signing in with a passkey ({@code POST /login/webauthn}, Spring Security's filter): the
 * one way a passkey becomes a session. Spring Security's relying party checks the
 * assertion (origin, relying party id, challenge, signature, user verification); this
 * class throttles per client (the same counter as failed password sign-ins), refuses a
 * locked-down account ({@link SignInGate}), cancels a pending factor removal, audits, and
 * gives the same principal a password sign-in gives: an {@link AccountUser} with its
 * credential version and sign-in time. With user verification required, a passkey is both
 * factors: no second step follows.
 */
@Component
public class PasskeySignIn {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final Accounts accounts;

	private final RateLimiter limiter;

	private final Limit perClient;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInGate gate;

	private final SecondFactorRemovals removals;

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, Accounts accounts, RateLimiter limiter,
			SignInProperties signIn, AuditLog audit, Clock clock, SignInGate gate, SecondFactorRemovals removals) {
		this.relyingParty = relyingParty;
		this.accounts = accounts;
		this.gate = gate;
		this.removals = removals;
		this.limiter = limiter;
		// The limit of failed password sign-ins per client, and its counter.
		this.perClient = new Limit("signin-client", signIn.perClientLimit().requests(),
				signIn.perClientLimit().window());
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The session's authentication for a verified assertion; an
	 * {@code AuthenticationException} otherwise. Not an {@code AuthenticationManager}
	 * bean: the password sign-in's manager is the only one.
	 */
	public Authentication authenticate(RelyingPartyAuthenticationRequest request) {
		RequestOrigin origin = origin();
		String passkey = PasskeyReference.of(request.getPublicKey().getRawId().toBase64UrlString());
		String client = ClientKey.of(origin.clientAddress());
		Decision place = limiter.reserve(perClient, client);
		if (!place.allowed()) {
			failed(null, "throttled", passkey, origin);
			throw new PasskeySignInThrottled(place.retryAfterSeconds());
		}
		PublicKeyCredentialUserEntity user;
		try {
			user = relyingParty.authenticate(request);
		}
		catch (RuntimeException ex) {
			// Spring Security's message may name the credential id: not passed on.
			failed(null, "not_verified", passkey, origin);
			throw new BadCredentialsException("Passkey not accepted");
		}
		Optional<Account> account = accountOf(user);
		if (account.isEmpty()) {
			failed(null, "account_unusable", passkey, origin);
			throw new BadCredentialsException("Passkey not accepted");
		}
		limiter.release(perClient, client);
		if (gate.lockedDown(account.get().id())) {
			// Proven, so telling the holder costs nothing: a lockdown stops every way in.
			failed(account.get().id(), "locked_down", passkey, origin);
			throw new AccountLockedDown();
		}
		audit.record(AuditEntry
			.forAccount(AuditEventType.PASSKEY_SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null, account.get().id(), origin)
			.with("passkey", passkey));
		// Signing in with a factor is the holder's answer to an operator-requested
		// removal.
		removals.cancelBySignIn(account.get().id(), origin);
		AccountUser principal = new AccountUser(account.get(), clock.instant());
		principal.eraseCredentials();
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	private Optional<Account> accountOf(PublicKeyCredentialUserEntity user) {
		try {
			return accounts.findById(UUID.fromString(user.getName()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void failed(UUID accountId, String reason, String passkey, RequestOrigin origin) {
		audit.record(new AuditEntry(AuditEventType.PASSKEY_SIGN_IN_FAILED, Outcome.FAILURE, reason, AuditEntry.SELF,
				accountId, null, origin)
			.with("passkey", passkey));
	}

	private static RequestOrigin origin() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? RequestOrigin.of(attributes.getRequest()) : RequestOrigin.SYSTEM;
	}

}
