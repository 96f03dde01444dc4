/**
 * Changing an account's e-mail address: the current password to ask, a single-use link to
 * the new address to confirm, and a notice to the old one. Part of the account feature;
 * it never depends on password reset.
 */
package org.accountsecurity.account.emailchange;
