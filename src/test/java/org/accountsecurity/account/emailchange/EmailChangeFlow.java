package org.accountsecurity.account.emailchange;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;

/**
 * The steps of an e-mail change as a person's browser and mailbox take them, for the
 * integration tests.
 */
final class EmailChangeFlow {

	static final String CONFIRM_PATH = "/account/email/confirm?token=";

	private final int port;

	private final Mailbox mailbox;

	EmailChangeFlow(int port, Mailbox mailbox) {
		this.port = port;
		this.mailbox = mailbox;
	}

	static String freshAddress() {
		return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	WebClient signedIn(Account account) {
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		browser.get("/account");
		return browser;
	}

	/** Opens Account details and submits the E-mail address form. */
	static HttpResponse<String> request(WebClient browser, String newEmail, String password) {
		browser.get("/account");
		return browser.post("/account/email", Map.of("newEmail", newEmail, "currentPassword", password));
	}

	/**
	 * The confirmation link of the {@code nth} (1-based) mail to {@code address}, once it
	 * arrived.
	 */
	String confirmationLink(String address, int nth) {
		return Mailbox.link(mailbox.await(address, nth).get(nth - 1), CONFIRM_PATH);
	}

	/**
	 * The first mail to {@code address} with a link to {@code path}, once {@code count}
	 * mails arrived.
	 */
	String linkIn(String address, int count, String path) {
		List<MimeMessage> mails = mailbox.await(address, count);
		return mails.stream()
			.map(Mailbox::text)
			.filter(text -> text.contains(path))
			.findFirst()
			.map(text -> text.replaceAll(
					"(?s).*?(https?://[^\\s\"'<>]*" + java.util.regex.Pattern.quote(path) + "[^\\s\"'<>]*).*", "$1"))
			.orElseThrow(() -> new AssertionError("No mail to " + address + " links to " + path));
	}

	/** Opens the link (GET) and presses the confirm button (POST), in {@code browser}. */
	static HttpResponse<String> confirm(WebClient browser, String link) {
		browser.get(localPath(link));
		return browser.post("/account/email/confirm", Map.of("token", token(link)));
	}

	static String token(String link) {
		String query = link.substring(link.indexOf("token=") + "token=".length());
		return URLDecoder.decode(query.split("&", 2)[0], StandardCharsets.US_ASCII);
	}

	static String localPath(String link) {
		return link.substring(IntegrationTest.BASE_URL.length());
	}

}
