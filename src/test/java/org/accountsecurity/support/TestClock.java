package org.accountsecurity.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward instead of sleeping; it follows real time until moved, or
 * stands still at a given instant ({@link #fixedAt}) as {@code Clock.fixed} that can
 * advance.
 */
public final class TestClock extends Clock {

	private final Instant fixed;

	private volatile Duration offset = Duration.ZERO;

	public TestClock() {
		this(null);
	}

	private TestClock(Instant fixed) {
		this.fixed = fixed;
	}

	public static TestClock fixedAt(Instant instant) {
		return new TestClock(instant);
	}

	public void advance(Duration duration) {
		offset = offset.plus(duration);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return (fixed != null ? fixed : Instant.now()).plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
