package org.accountsecurity.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * One received mail as the dev mailbox shows it: its number in the mailbox (oldest 0),
 * the envelope, every link, the text part cut into plain runs and links, and whether
 * there is an HTML part to frame.
 */
record DevMail(int number, String to, String subject, String sent, List<String> links, List<MailParts.Header> headers,
		List<Run> text, boolean hasHtml) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	static DevMail of(int number, String to, String subject, String sent, MailParts parts) {
		String text = parts.text() == null ? "" : parts.text();
		List<String> links = links(text + "\n" + (parts.html() == null ? "" : parts.html()));
		return new DevMail(number, to, subject, sent, links, parts.headers(), runs(text), parts.html() != null);
	}

	/** A run of the text part: plain text, or a link ({@code link} is its target). */
	record Run(String text, String link) {
	}

	private static List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		Matcher matcher = LINK.matcher(text);
		int at = 0;
		while (matcher.find()) {
			runs.add(new Run(text.substring(at, matcher.start()), null));
			runs.add(new Run(matcher.group(), matcher.group()));
			at = matcher.end();
		}
		runs.add(new Run(text.substring(at), null));
		return runs;
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

}
