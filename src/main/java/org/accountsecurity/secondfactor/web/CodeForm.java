package org.accountsecurity.secondfactor.web;

/**
 * A second-factor form: the code (TOTP or recovery code) and, for changes, the current
 * password.
 */
record CodeForm(String code, String currentPassword) {
}
