package org.accountsecurity.password;

import java.util.List;

/** A new password breaks the policy, for each of the given reasons. */
public class PasswordRefused extends RuntimeException {

	private final List<PolicyViolation> violations;

	public PasswordRefused(List<PolicyViolation> violations) {
		super("Password refused: " + violations.stream().map(PolicyViolation::code).toList());
		this.violations = List.copyOf(violations);
	}

	public List<PolicyViolation> violations() {
		return violations;
	}

}
