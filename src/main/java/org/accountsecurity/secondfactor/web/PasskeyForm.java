package org.accountsecurity.secondfactor.web;

/**
 * A form of the passkeys page: a name (rename), the current password (proof, removal) and
 * a TOTP or recovery code (proof, with TOTP on).
 */
record PasskeyForm(String name, String currentPassword, String code) {
}
