/**
 * Second factors: TOTP (RFC 6238) with recovery codes, the second step of signing in, and
 * the operator-requested removal of a lost factor (mailed at once, cancellable, carried
 * out after a delay). A password reset never reaches them.
 */
package org.accountsecurity.secondfactor;
