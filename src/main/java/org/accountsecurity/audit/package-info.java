/**
 * The append-only, hash-chained audit trail of every account-security step, and its
 * operator views.
 */
package org.accountsecurity.audit;
