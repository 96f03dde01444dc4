package org.accountsecurity.account;

import java.util.List;

/**
 * The data for a new or changed account breaks a rule; {@code problems} are message keys
 * (with arguments).
 */
public class InvalidAccount extends RuntimeException {

	private final List<Problem> problems;

	public InvalidAccount(List<Problem> problems) {
		super("Invalid account data: " + problems.stream().map(Problem::field).toList());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One broken rule: the field, a message key and its arguments. */
	public record Problem(String field, String messageKey, List<Object> args) {
	}

}
