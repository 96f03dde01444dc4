package org.accountsecurity.dev;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The parts of a received mail the dev mailbox shows: the first text and HTML parts,
 * wherever they sit in the multipart tree, and the headers, decoded.
 */
record MailParts(String text, String html, List<Header> headers) {

	/** A header, decoded (Thymeleaf may not read jakarta.mail's own type). */
	record Header(String name, String value) {
	}

	static MailParts of(MimeMessage message) throws MessagingException, IOException {
		String[] found = new String[2];
		collect(message, found);
		List<Header> headers = new ArrayList<>();
		for (jakarta.mail.Header header : Collections.list(message.getAllHeaders())) {
			headers.add(new Header(header.getName(), decoded(header.getValue())));
		}
		return new MailParts(found[0], found[1], headers);
	}

	private static void collect(Part part, String[] found) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), found);
			}
		}
		else if (part.isMimeType("text/plain") && found[0] == null) {
			found[0] = (String) part.getContent();
		}
		else if (part.isMimeType("text/html") && found[1] == null) {
			found[1] = (String) part.getContent();
		}
	}

	private static String decoded(String value) {
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (UnsupportedEncodingException ex) {
			return value;
		}
	}

}
