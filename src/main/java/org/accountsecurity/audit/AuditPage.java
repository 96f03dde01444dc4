package org.accountsecurity.audit;

import java.util.List;

/** One page of events, newest first, and how many events match the filter in all. */
public record AuditPage(List<AuditEvent> events, int page, int size, long total) {

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	/**
	 * Pages in all; at least one, so that "page 1 of 1" reads right for an empty result.
	 */
	public long pages() {
		return Math.max(1, (total + size - 1) / size);
	}

}
