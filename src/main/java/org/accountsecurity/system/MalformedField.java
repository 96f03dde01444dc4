package org.accountsecurity.system;

/**
 * A request field is missing or is not what it must be, such as one string where an array
 * came: the caller can fix it. {@code expected} completes "give the field as …".
 */
public class MalformedField extends RuntimeException {

	private final String field;

	private final String expected;

	public MalformedField(String field, String expected) {
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
