package org.accountsecurity.dev;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import org.accountsecurity.support.Mailbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /dev/mail}: the embedded SMTP server's mailbox with the links of each mail.
 * Local mode only.
 */
@Controller
class DevMailController {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private final GreenMail greenMail;

	DevMailController(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/**
	 * Defence in depth: local mode listens on 127.0.0.1 only, and this page holds every
	 * reset link.
	 */
	@ModelAttribute
	void onlyFromThisMachine(HttpServletRequest request) throws UnknownHostException {
		if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping("/dev/mail")
	String mailbox(Model model) throws MessagingException {
		List<Mail> mails = new ArrayList<>();
		MimeMessage[] received = greenMail.getReceivedMessages();
		for (int i = received.length - 1; i >= 0; i--) {
			MimeMessage message = received[i];
			String body = Mailbox.text(message);
			mails.add(new Mail(String.join(", ", addresses(message)), message.getSubject(),
					message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(), links(body)));
		}
		model.addAttribute("mails", mails);
		return "dev/mail";
	}

	private static List<String> addresses(MimeMessage message) throws MessagingException {
		List<String> to = new ArrayList<>();
		if (message.getRecipients(Message.RecipientType.TO) != null) {
			for (var address : message.getRecipients(Message.RecipientType.TO)) {
				to.add(address.toString());
			}
		}
		return to;
	}

	// The HTML part escapes '&' in its links: unescape, so both parts yield the same link
	// once.
	private static List<String> links(String body) {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(body);
		while (matcher.find()) {
			String link = HtmlUtils.htmlUnescape(matcher.group());
			if (!links.contains(link)) {
				links.add(link);
			}
		}
		return links;
	}

	/** One received mail as the page shows it. */
	record Mail(String to, String subject, String sent, List<String> links) {
	}

}
