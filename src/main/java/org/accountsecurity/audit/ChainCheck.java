package org.accountsecurity.audit;

/**
 * The result of walking the chain: intact, or the first event where it breaks and why.
 * {@code problem} is a stable code: {@code missing_event}, {@code broken_link},
 * {@code edited_event}, {@code personal_data_altered} or {@code head_mismatch}.
 */
public record ChainCheck(boolean intact, long checked, Long brokenAtId, String problem) {

	static ChainCheck intact(long checked) {
		return new ChainCheck(true, checked, null, null);
	}

	static ChainCheck broken(long checked, long id, String problem) {
		return new ChainCheck(false, checked, id, problem);
	}

}
