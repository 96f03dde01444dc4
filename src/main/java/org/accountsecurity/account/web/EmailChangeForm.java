package org.accountsecurity.account.web;

/**
 * The E-mail address part of Account details, as shown again after a problem; the
 * password is never shown.
 */
record EmailChangeForm(String newEmail) {
}
