package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The reset links in memory, for tests without Redis: the same contract as
 * {@link RedisResetLinkStore}, with expiry read from the given clock. Every method holds
 * the one lock, as every Redis script runs alone.
 */
final class InMemoryResetLinkStore implements ResetLinkStore {

	private final Clock clock;

	private final Map<UUID, Link> live = new HashMap<>();

	private final Map<String, Gone> gone = new HashMap<>();

	InMemoryResetLinkStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void replace(UUID accountId, String linkHash, Duration ttl) {
		Link old = live.remove(accountId);
		if (old != null && !isExpired(old.expiresAt())) {
			gone.put(accountId + old.hash(), new Gone(ResetLinkState.REVOKED, old.expiresAt()));
		}
		live.put(accountId, new Link(linkHash, clock.instant().plus(ttl)));
	}

	@Override
	public synchronized boolean consume(UUID accountId, String linkHash) {
		return retire(accountId, linkHash, ResetLinkState.USED);
	}

	@Override
	public synchronized boolean giveBack(UUID accountId, String linkHash, Duration ttl) {
		Link link = live.get(accountId);
		Gone marker = gone.get(accountId + linkHash);
		if ((link != null && !isExpired(link.expiresAt())) || marker == null || marker.state() != ResetLinkState.USED) {
			return false;
		}
		gone.remove(accountId + linkHash);
		live.put(accountId, new Link(linkHash, clock.instant().plus(ttl)));
		return true;
	}

	@Override
	public synchronized boolean revoke(UUID accountId, String linkHash) {
		return retire(accountId, linkHash, ResetLinkState.REVOKED);
	}

	@Override
	public synchronized void revokeAll(UUID accountId) {
		retire(accountId, null, ResetLinkState.REVOKED);
	}

	@Override
	public synchronized ResetLinkState state(UUID accountId, String linkHash) {
		Link link = live.get(accountId);
		if (link != null && link.hash().equals(linkHash) && !isExpired(link.expiresAt())) {
			return ResetLinkState.VALID;
		}
		Gone marker = gone.get(accountId + linkHash);
		return marker != null && !isExpired(marker.until()) ? marker.state() : ResetLinkState.REVOKED;
	}

	// As Spring Security's InMemoryOneTimeTokenService: remove first, then check expiry.
	private boolean retire(UUID accountId, String linkHash, ResetLinkState why) {
		Link link = live.get(accountId);
		if (link == null || (linkHash != null && !link.hash().equals(linkHash))) {
			return false;
		}
		live.remove(accountId);
		if (isExpired(link.expiresAt())) {
			return false;
		}
		gone.put(accountId + link.hash(), new Gone(why, link.expiresAt()));
		return true;
	}

	private boolean isExpired(Instant expiresAt) {
		return clock.instant().isAfter(expiresAt);
	}

	private record Link(String hash, Instant expiresAt) {
	}

	private record Gone(ResetLinkState state, Instant until) {
	}

}
