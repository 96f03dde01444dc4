package org.accountsecurity.secondfactor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.support.Mailbox;
import org.awaitility.Awaitility;

/**
 * Steps the removal tests share: the operator API (HTTP Basic as the dev operator), and
 * the mails of a removal.
 */
final class RemovalTestSteps {

	static final String OPERATOR = "operator@example.com";

	static final String OPERATOR_PASSWORD = "audit trail keeper 2026";

	static final String REQUESTED_SUBJECT = "Your two-step sign-in is about to be removed";

	static final String REMOVED_SUBJECT = "Your two-step sign-in was removed";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	RemovalTestSteps(int port) {
		this.port = port;
	}

	HttpResponse<String> requestRemoval(UUID accountId) {
		return requestRemoval(accountId, OPERATOR, OPERATOR_PASSWORD);
	}

	HttpResponse<String> requestRemoval(UUID accountId, String user, String password) {
		return send(HttpRequest.newBuilder(uri("/api/v1/accounts/" + accountId + "/second-factors/removal"))
			.header("Authorization", basic(user, password))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	HttpResponse<String> accountJson(UUID accountId) {
		return send(HttpRequest.newBuilder(uri("/api/v1/accounts/" + accountId))
			.header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD))
			.GET()
			.build());
	}

	/** The holder's mails with {@code subject}, waiting for {@code count} of them. */
	static List<MimeMessage> mails(Mailbox mailbox, Account account, String subject, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> withSubject(mailbox, account, subject).size() >= count);
		return withSubject(mailbox, account, subject);
	}

	static List<MimeMessage> withSubject(Mailbox mailbox, Account account, String subject) {
		return mailbox.to(account.email()).stream().filter(m -> subjectOf(m).equals(subject)).toList();
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The path and query of the cancel link in the request mail. */
	static String cancelPath(MimeMessage mail) {
		String link = Mailbox.link(mail, "/second-factor/removal/cancel?token=");
		return link.substring(link.indexOf("/second-factor/"));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
