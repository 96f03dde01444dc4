/**
 * Second factors: TOTP (RFC 6238) with recovery codes, and the second step of signing in.
 * A password reset never reaches them.
 */
package org.accountsecurity.secondfactor;
