package org.accountsecurity.passwordreset;

/** A reset link cannot be used: it is expired, used, revoked or no link at all. */
public class ResetLinkUnusable extends RuntimeException {

	private final ResetLinkState state;

	public ResetLinkUnusable(ResetLinkState state) {
		super("Reset link " + state.reason());
		this.state = state;
	}

	public ResetLinkState state() {
		return state;
	}

}
