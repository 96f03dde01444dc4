package org.accountsecurity.support;

/**
 * Tests that need a machine's own part (Chromium, PostgreSQL, nginx) skip themselves
 * where it is missing, except in CI ({@code CI=true}), where a missing part fails the run
 * instead of hiding the tests that need it.
 */
public final class RequiredInCi {

	private RequiredInCi() {
	}

	/** {@code available}, or a failure naming {@code what} when running in CI. */
	public static boolean check(boolean available, String what) {
		if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					what + " is missing, and CI=true: the tests that need it cannot be skipped");
		}
		return available;
	}

}
