package org.accountsecurity.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mail}: the embedded SMTP server's mailbox, each mail as it will look (the
 * HTML part framed, the text part beside it, the headers on demand), newest first. Local
 * mode only; every route lives under {@code /dev/mail}, so the one access rule on
 * {@code /dev/**} (web/SecurityConfiguration) covers them all.
 */
@Controller
class DevMailController {

	/**
	 * The newest mails shown: each is a framed document, and a page of hundreds (a long
	 * test run, a day of make run) loads slowly and reloads with every new mail.
	 */
	static final int SHOWN = 50;

	/**
	 * The framed HTML part's own policy: no script, no request anywhere (images only as
	 * data: URLs, styles inline as mail clients take them), framed only by the mailbox,
	 * and sandboxed even when opened directly. Links open outside the frame.
	 */
	static final String FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
			+ "form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

	private static final Pattern HEAD = Pattern.compile("<head[^>]*>", Pattern.CASE_INSENSITIVE);

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
	String mailbox(Model model) throws MessagingException, IOException {
		MimeMessage[] received = greenMail.getReceivedMessages();
		List<DevMail> mails = new ArrayList<>();
		for (int i = received.length - 1; i >= Math.max(0, received.length - SHOWN); i--) {
			MimeMessage message = received[i];
			mails.add(DevMail.of(i, recipients(message), message.getSubject(),
					message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
					MailParts.of(message)));
		}
		model.addAttribute("mails", mails);
		model.addAttribute("count", received.length);
		return "dev/mail";
	}

	/** How many mails arrived: the page polls it and reloads when it changes. */
	@GetMapping("/dev/mail/count")
	@ResponseBody
	MailCount count() {
		return new MailCount(greenMail.getReceivedMessages().length);
	}

	/** The HTML part of mail {@code number}, for the mailbox's sandboxed frame. */
	@GetMapping("/dev/mail/{number}/html")
	ResponseEntity<String> html(@PathVariable int number) throws MessagingException, IOException {
		MimeMessage[] received = greenMail.getReceivedMessages();
		String html = number >= 0 && number < received.length ? MailParts.of(received[number]).html() : null;
		if (html == null) {
			return ResponseEntity.notFound().build();
		}
		// Set before the response is committed, this CSP is the only one: Spring
		// Security's
		// writer adds its own only when there is none. Its frame-ancestors 'self' lets
		// the
		// mailbox frame the part; browsers ignore the X-Frame-Options: DENY Spring
		// Security
		// still writes when a CSP has frame-ancestors.
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", FRAME_CSP)
			.body(linksOutsideTheFrame(html));
	}

	// A link followed inside the frame would load one of our pages there, which refuse to
	// be framed: open every link in a new tab instead.
	private static String linksOutsideTheFrame(String html) {
		String base = "<base target=\"_blank\">";
		Matcher head = HEAD.matcher(html);
		return head.find() ? html.substring(0, head.end()) + base + html.substring(head.end()) : base + html;
	}

	private static String recipients(MimeMessage message) throws MessagingException {
		List<String> to = new ArrayList<>();
		if (message.getRecipients(Message.RecipientType.TO) != null) {
			for (var address : message.getRecipients(Message.RecipientType.TO)) {
				to.add(address.toString());
			}
		}
		return String.join(", ", to);
	}

	record MailCount(int count) {
	}

}
