/**
 * Password policy and storage: the only code in the service that hashes with BCrypt or
 * judges a new password.
 */
package org.accountsecurity.password;
