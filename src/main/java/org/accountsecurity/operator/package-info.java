/**
 * What operators use to audit every step: the audit console and the audit JSON API
 * (web/), on top of the audit trail and the accounts.
 */
package org.accountsecurity.operator;
