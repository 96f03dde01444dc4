package org.accountsecurity.mail;

/**
 * A rendered mail, ready for {@link MailSender}: the subject and the HTML and plain-text
 * bodies.
 */
public record ComposedMail(String subject, String html, String text) {

}
