package org.accountsecurity.lockdown;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.WebClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the new-device and lockdown tests: a context of their own with new-device
 * alerts on (the shared one turns them off, as its tests count the mails a sign-in leads
 * to). Subclasses share this context.
 */
abstract class LockdownIntegrationTest extends SeparateIntegrationTest {

	static final String DEVICE_COOKIE = "device";

	static final String ALERT_SUBJECT = "New sign-in to your account";

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void alertsOn(DynamicPropertyRegistry registry) {
		registry.add("app.lockdown.new-device-alerts", () -> "true");
	}

	/** Signs in and checks that it worked (302 to Account details). */
	static WebClient signedIn(WebClient browser, Account account, String password) {
		HttpResponse<String> answer = browser.signIn(account.email(), password);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		return browser;
	}

	/** The mails of {@code account} with {@code subject}, once the outbox is empty. */
	List<MimeMessage> mails(Account account, String subject) {
		outbox.awaitDrained();
		return mailbox.to(account.email()).stream().filter(m -> subject.equals(subjectOf(m))).toList();
	}

	List<String> audit(Account account, String type) {
		return jdbc.sql("select coalesce(details, '') from audit_event where account_id = ? and type = ? order by id")
			.params(account.id(), type)
			.query(String.class)
			.list();
	}

	String localPath(String link) {
		return link.substring(baseUrl.length());
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
