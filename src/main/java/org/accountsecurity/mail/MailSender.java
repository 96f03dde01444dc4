package org.accountsecurity.mail;

import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link ComposedMail} over SMTP as multipart/alternative (plain text, then
 * HTML), UTF-8, from {@code app.mail.from}. It refuses a recipient address or name with
 * control characters, so that no input can add a header (SMTP header injection), and an
 * address that is not exactly one plain address. On a thread with an open
 * {@link SmtpConnectionScope} (the outbox worker's) consecutive mails share one SMTP
 * connection.
 */
@Component("outboundMailSender") // "mailSender" is Boot's JavaMailSender
public class MailSender {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	static {
		// Unless this property names it, jakarta.mail looks its StreamProvider up with a
		// ServiceLoader scan of the
		// class path for every body part it builds or writes (jakartaee/mail-api#699):
		// measured as a third of the
		// mail worker's CPU. The class is Angus Mail's, the implementation Spring Boot
		// ships.
		System.getProperties()
			.putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
	}

	private final JavaMailSender mailSender;

	private final InternetAddress from;

	public MailSender(JavaMailSender mailSender, MailProperties properties) {
		this.mailSender = mailSender;
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("app.mail.from is not a mail address", ex);
		}
	}

	/**
	 * Sends {@code mail} to {@code toAddress}, shown with {@code toName} (may be null).
	 * @throws IllegalArgumentException when the address or name holds a control character
	 * or the address is not one plain address; the message never repeats them
	 * @throws org.springframework.mail.MailException when the mail could not be built or
	 * sent
	 */
	public void send(String toAddress, String toName, ComposedMail mail) {
		InternetAddress to = recipient(toAddress, toName);
		if (mail.subject() == null) {
			throw new IllegalArgumentException("The mail has no subject");
		}
		requireNoControl(mail.subject(), "subject");
		try {
			MimeMessage message = mailSender.createMimeMessage();
			message.setFrom(from);
			message.setRecipient(MimeMessage.RecipientType.TO, to);
			message.setSubject(mail.subject(), UTF_8);
			message.setSentDate(new Date());
			// RFC 3834: keeps out-of-office replies and auto-forwarding rules away from
			// this mail.
			message.setHeader("Auto-Submitted", "auto-generated");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.text(), UTF_8, "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.html(), UTF_8, "html");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			message.setContent(alternative);
			SmtpConnectionScope scope = SmtpConnectionScope.current();
			if (scope != null && mailSender instanceof JavaMailSenderImpl smtp) {
				scope.send(smtp, message);
			}
			else {
				mailSender.send(message);
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("The mail could not be built", ex);
		}
	}

	private static InternetAddress recipient(String address, String name) {
		if (address == null) {
			throw new IllegalArgumentException("The recipient address is missing");
		}
		requireNoControl(address, "recipient address");
		if (name != null) {
			requireNoControl(name, "recipient name");
		}
		String ascii = asciiDomain(address);
		InternetAddress to;
		try {
			to = new InternetAddress(ascii, true);
			to.validate();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("The recipient address is not one valid mail address");
		}
		// "Name <a@b>" or a group would let the address choose the name or add
		// recipients.
		if (to.getPersonal() != null || to.isGroup() || !ascii.equals(to.getAddress())) {
			throw new IllegalArgumentException("The recipient address is not one plain mail address");
		}
		if (name == null || name.isBlank()) {
			return to;
		}
		try {
			return new InternetAddress(to.getAddress(), name.strip(), UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// An internationalised domain goes out in its ASCII (punycode) form, which every SMTP
	// server understands.
	private static String asciiDomain(String address) {
		int at = address.lastIndexOf('@');
		if (at < 0 || address.substring(at + 1).chars().allMatch(c -> c < 128)) {
			return address;
		}
		try {
			return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The recipient address has an invalid domain");
		}
	}

	// CR and LF end a header line; other control characters (and Unicode line separators)
	// have no place there.
	private static void requireNoControl(String value, String what) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			int type = Character.getType(c);
			if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				throw new IllegalArgumentException("The " + what + " contains a control character");
			}
		}
	}

}
