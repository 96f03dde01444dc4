package org.accountsecurity.audit;

import org.accountsecurity.system.MalformedField;

/**
 * A filter value an operator can fix: which field, and what it must be. The API answers
 * it as an invalid filter, not as a malformed request.
 */
public class InvalidAuditQuery extends MalformedField {

	public InvalidAuditQuery(String field, String expected) {
		super(field, expected);
	}

}
