package org.accountsecurity.account.web;

/** The profile part of Account details: the holder's name and language. */
record ProfileForm(String displayName, String language) {
}
