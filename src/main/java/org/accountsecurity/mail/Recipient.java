package org.accountsecurity.mail;

import java.util.Locale;

/**
 * Whom a mail goes to: the address, the name it is shown with (may be null), and the
 * language it is written in.
 */
public record Recipient(String address, String name, Locale locale) {

}
