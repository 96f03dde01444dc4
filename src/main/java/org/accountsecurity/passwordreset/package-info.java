/**
 * Password reset: the e-mailed single-use link (JJWT + Redis), the new-password step, and
 * their pages and API.
 */
package org.accountsecurity.passwordreset;
