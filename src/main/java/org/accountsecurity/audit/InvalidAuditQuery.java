package org.accountsecurity.audit;

/** A filter value an operator can fix: which field, and what it must be. */
public class InvalidAuditQuery extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String expected;

	public InvalidAuditQuery(String field, String expected) {
		super(field + " must be " + expected);
		this.field = field;
		this.expected = expected;
	}

	public String field() {
		return field;
	}

	public String expected() {
		return expected;
	}

}
