package org.accountsecurity.audit;

import java.time.Instant;

/**
 * One run of the retention job: when, the cut-off it applied, how many events it removed.
 */
public record RetentionRun(Instant ranAt, Instant cutoff, long removed, long baseId) {
}
