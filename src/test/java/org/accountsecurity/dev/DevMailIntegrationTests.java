package org.accountsecurity.dev;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev mailbox shows a reset mail as it will look, and tells the page when one
 * arrives.
 */
class DevMailIntegrationTests extends IntegrationTest {

	private static final Pattern FRAME = Pattern.compile("<iframe[^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Outbox outbox;

	@Test
	void showsTheSubjectTheTextPartAndTheFramedHtmlPartNewestFirst() throws Exception {
		Account older = TestAccounts.create(accountService, Language.EN);
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		requestReset(browser, older);
		mailbox.await(older.email(), 1);
		requestReset(browser, account);
		MimeMessage mail = mailbox.await(account.email(), 1).get(0);

		HttpResponse<String> page = browser.get("/dev/mail");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<h2 id=\"mail-", HtmlUtils.htmlEscape(mail.getSubject()));
		assertThat(body.indexOf(account.email())).isPositive().isLessThan(body.indexOf(older.email()));
		// the text part, its link clickable
		String text = part(mail, "text/plain");
		String link = Mailbox.link(mail, "/password/reset?token=");
		assertThat(body).contains(HtmlUtils.htmlEscape(text.substring(0, text.indexOf(link))).trim());
		assertThat(body)
			.contains("<a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(link) + "</a>");
		assertThat(body).contains("<summary>Headers</summary>", "<dt>Message-ID</dt>");

		String frame = frameOf(body, account);
		assertThat(frame).contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"");
		HttpResponse<String> html = browser.get(attribute(frame, "src"));
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(html.headers().allValues("Content-Security-Policy")).containsExactly(DevMailController.FRAME_CSP);
		String htmlPart = part(mail, "text/html");
		assertThat(html.body()).contains("<base target=\"_blank\">", htmlPart.substring(htmlPart.indexOf("<body")));
		// the mailbox page itself keeps the service's policy
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
	}

	@Test
	void thePageShowsTheNewestFiftyMailsAndSaysHowManyArrived() {
		WebClient browser = new WebClient(port);
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i <= DevMailController.SHOWN; i++) {
			Account account = TestAccounts.create(accountService, Language.EN);
			requestReset(browser, account);
			accounts.add(account);
		}
		accounts.forEach(account -> mailbox.await(account.email(), 1));
		outbox.awaitDrained();
		int count = greenMail.getReceivedMessages().length;

		String page = browser.get("/dev/mail").body();

		int shown = Math.min(count, DevMailController.SHOWN);
		assertThat(page.split("class=\"card dev-mail\"", -1)).hasSize(shown + 1);
		assertThat(page).contains("id=\"mail-" + (count - 1) + "\"")
			.doesNotContain("id=\"mail-" + (count - shown - 1) + "\"")
			.contains("the newest\n    <span>" + shown + "</span> of <span>" + count + "</span>");
	}

	@Test
	void theCountTellsThePageThatAMailArrived() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		int before = greenMail.getReceivedMessages().length;
		HttpResponse<String> page = browser.get("/dev/mail");
		assertThat(page.body()).contains("data-mail-count=\"" + before + "\"", "/js/dev-mail.js",
				"<meta http-equiv=\"refresh\"");
		assertThat(browser.get("/dev/mail/count").body()).isEqualTo("{\"count\":" + before + "}");

		requestReset(browser, account);
		mailbox.await(account.email(), 1);
		HttpResponse<String> count = browser.get("/dev/mail/count");
		assertThat(count.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		assertThat(count.body()).isEqualTo("{\"count\":" + (before + 1) + "}");
	}

	@Test
	void aMailThatIsNotThereHasNoFrame() {
		WebClient browser = new WebClient(port);
		assertThat(browser.get("/dev/mail/" + greenMail.getReceivedMessages().length + "/html").statusCode())
			.isEqualTo(404);
		assertThat(browser.get("/dev/mail/-1/html").statusCode()).isEqualTo(404);
	}

	private static void requestReset(WebClient browser, Account account) {
		browser.get("/password/forgot");
		assertThat(browser.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
	}

	/**
	 * The frame of the mail to {@code account}: the first frame after its row's anchor.
	 */
	private static String frameOf(String page, Account account) {
		int row = page.indexOf(account.email());
		Matcher anchor = Pattern.compile("href=\"#(mail-\\d+)\"").matcher(page);
		assertThat(anchor.find(row)).isTrue();
		int article = page.indexOf("id=\"" + anchor.group(1) + "\"");
		Matcher frame = FRAME.matcher(page);
		assertThat(frame.find(article)).isTrue();
		return frame.group();
	}

	private static String attribute(String tag, String name) {
		Matcher value = Pattern.compile(name + "=\"([^\"]+)\"").matcher(tag);
		assertThat(value.find()).isTrue();
		return HtmlUtils.htmlUnescape(value.group(1));
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
