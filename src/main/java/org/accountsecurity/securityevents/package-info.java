/**
 * Security events for other systems: audit events delivered to configured receivers as
 * signed webhooks (Standard Webhooks) and as CAEP Security Event Tokens (RFC 8417, pushed
 * per RFC 8935), following the audit trail with one cursor per receiver, with retries and
 * dead letters; never on a user's request path.
 */
package org.accountsecurity.securityevents;
