/**
 * The append-only, hash-chained audit trail of every account-security step: recording,
 * reading, chain check, retention and erasure. It knows accounts by id only.
 */
package org.accountsecurity.audit;
