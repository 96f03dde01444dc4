package org.accountsecurity.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** Reads what the service's SMTP server (GreenMail) received, per recipient. */
public final class Mailbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private final GreenMail greenMail;

	public Mailbox(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	public List<MimeMessage> to(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (recipients(message).contains(address)) {
				found.add(message);
			}
		}
		return found;
	}

	/**
	 * Waits until {@code address} has received {@code count} mails and returns them,
	 * oldest first.
	 */
	public List<MimeMessage> await(String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() >= count);
		return to(address);
	}

	/** Every recipient of every received mail. */
	public List<String> allRecipients() {
		List<String> all = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			all.addAll(recipients(message));
		}
		return all;
	}

	/** The decoded text of every text part (plain and HTML) of the mail. */
	public static String text(MimeMessage message) {
		try {
			return text(message.getContent());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object content) throws MessagingException, IOException {
		if (content instanceof String text) {
			return text;
		}
		StringBuilder all = new StringBuilder();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				all.append(text(part.getContent())).append('\n');
			}
		}
		return all.toString();
	}

	/** The first link in the mail whose path starts with {@code path}. */
	public static String link(MimeMessage message, String path) {
		Matcher matcher = LINK.matcher(text(message));
		while (matcher.find()) {
			if (matcher.group().contains(path)) {
				return matcher.group();
			}
		}
		throw new AssertionError("No link to " + path + " in the mail");
	}

	/** The reset token in the mail's reset link (the link also carries {@code lang}). */
	public static String token(MimeMessage message) {
		return tokenOf(link(message, "/password/reset?token="));
	}

	/** The token a mailed link carries, as the service issued it. */
	public static String tokenOf(String link) {
		String query = link.substring(link.indexOf("token=") + "token=".length());
		return java.net.URLDecoder.decode(query.split("&", 2)[0], java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to == null ? List.of()
					: Arrays.stream(to).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
