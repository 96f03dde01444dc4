package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.passwordreset.ResetTokenCodec.Signed;

import org.springframework.stereotype.Component;

/**
 * Reset links: issues them (a signed token, {@link ResetTokenCodec}, whose link becomes
 * the account's one live link in the {@link ResetLinkStore}), checks them without using
 * them, and consumes or revokes them.
 */
@Component
public class ResetTokens {

	private final ResetTokenCodec codec;

	private final ResetLinkStore store;

	private final ResetProperties properties;

	private final Counter issued;

	private final Clock clock;

	ResetTokens(ResetProperties properties, ResetLinkStore store, Clock clock, MeterRegistry meters) {
		this.codec = new ResetTokenCodec(new SigningKeys(properties.signingKeys()), clock);
		this.clock = clock;
		this.store = store;
		this.properties = properties;
		this.issued = meters.counter("reset.tokens.issued");
	}

	/**
	 * A new link for the account, and the token of its "I did not ask for this" link; it
	 * revokes the account's older links.
	 */
	public IssuedToken issue(UUID accountId, long credentialVersion) {
		Signed signed = codec.sign(accountId, credentialVersion, properties.tokenTtl());
		store.replace(accountId, signed.linkHash(), properties.tokenTtl());
		issued.increment();
		return new IssuedToken(signed.token(), signed.cancelToken(), accountId, signed.linkHash(), signed.expiresAt());
	}

	/** Checks a reset token without consuming it. */
	public Check check(String token) {
		return withStoreState(codec.read(token));
	}

	/**
	 * Checks an "I did not ask for this" token: valid while the link it names is live.
	 * Reset tokens are refused here, and these tokens are refused by {@link #check}.
	 */
	public Check checkCancel(String token) {
		return withStoreState(codec.readCancel(token));
	}

	private Check withStoreState(Check read) {
		if (read.pending() == null) {
			return read;
		}
		ResetLinkState state = stateOf(read.pending());
		return new Check(state, read.accountId(), state == ResetLinkState.VALID ? read.pending() : null);
	}

	/**
	 * Consumes the link atomically: of concurrent calls with one link, exactly one gets
	 * true.
	 */
	public boolean consume(PendingReset pending) {
		return store.consume(pending.accountId(), pending.tokenIdHash());
	}

	/**
	 * Makes a consumed link usable again because the password change it was consumed for
	 * did not commit; nothing if it expired or a newer link was issued meanwhile.
	 */
	public void giveBack(PendingReset pending) {
		Duration left = Duration.between(clock.instant(), pending.expiresAt());
		if (!left.isNegative() && !left.isZero()) {
			store.giveBack(pending.accountId(), pending.tokenIdHash(), left);
		}
	}

	/** Revokes one link (I did not ask for this); true if it was live. */
	public boolean revoke(PendingReset pending) {
		return store.revoke(pending.accountId(), pending.tokenIdHash());
	}

	/** Revokes the account's live link, if any (password or address changed). */
	public void revokeAll(UUID accountId) {
		store.revokeAll(accountId);
	}

	/** Why a checked link cannot be used (any more): after a failed consume or revoke. */
	ResetLinkState stateOf(PendingReset pending) {
		return store.state(pending.accountId(), pending.tokenIdHash());
	}

	/** A freshly issued link's token (only ever put into the e-mail) and its facts. */
	public record IssuedToken(String token, String cancelToken, UUID accountId, String tokenIdHash, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
		}

	}

	/**
	 * The result of checking a token: its state, the account it names if readable, and
	 * what to keep.
	 */
	public record Check(ResetLinkState state, UUID accountId, PendingReset pending) {

		static Check rejected(ResetLinkState state, UUID accountId) {
			return new Check(state, accountId, null);
		}

	}

}
