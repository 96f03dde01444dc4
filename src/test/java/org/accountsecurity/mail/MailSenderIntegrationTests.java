package org.accountsecurity.mail;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailSenderIntegrationTests {

	static final MailProperties PROPERTIES = new MailProperties("Account Security <no-reply@localhost>", 6,
			Duration.ofSeconds(5), true, Duration.ZERO);

	static final ComposedMail MAIL = new ComposedMail("Grüße aus Łódź", "<p>Zażółć gęślą jaźń</p>",
			"Zażółć gęślą jaźń");

	static GreenMail smtp;

	MailSender sender;

	@BeforeAll
	static void startSmtp() {
		smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void setUp() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		sender = new MailSender(OutboxSmtpOutageIntegrationTests.javaMailSender(smtp.getSmtp().getPort()), PROPERTIES);
	}

	@Test
	void sendsPlainTextAndHtmlAsAlternativesInUtf8FromTheConfiguredSender() throws Exception {
		sender.send("zoe@example.test", "Zoë Łukasiewicz", MAIL);

		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getFrom()).containsExactly(new InternetAddress("Account Security <no-reply@localhost>"));
		assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress("zoe@example.test"));
		assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("Zoë Łukasiewicz");
		assertThat(mail.getSubject()).isEqualTo("Grüße aus Łódź");
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWithIgnoringCase("text/plain; charset=UTF-8");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Zażółć gęślą jaźń");
		assertThat(parts.getBodyPart(1).getContentType()).startsWithIgnoringCase("text/html; charset=UTF-8");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Zażółć gęślą jaźń</p>");
	}

	@Test
	void sendsToTheAsciiFormOfAnInternationalDomain() throws Exception {
		sender.send("ada@bücher.example", null, MAIL);

		assertThat(smtp.getReceivedMessages()[0].getAllRecipients())
			.containsExactly(new InternetAddress("ada@xn--bcher-kva.example"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "victim@example.test\r\nBcc: attacker@example.test", "victim@example.test\nBcc: a@b.test",
			"victim@example.test\rBcc: a@b.test", "victim@example.test\u0000", "victim@example.test\u2028",
			"victim@example.test\u0085", "victim@example.test, attacker@example.test", "Victim <attacker@example.test>",
			"undisclosed:victim@example.test;", "not an address", "" })
	void refusesAnAddressThatIsNotOnePlainAddress(String address) {
		assertThatIllegalArgumentException().isThrownBy(() -> sender.send(address, "Victim", MAIL))
			.withMessageNotContaining("attacker")
			.withMessageNotContaining("victim");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Victim\r\nBcc: attacker@example.test", "Victim\nBcc: attacker@example.test",
			"Victim\rX: y", "Victim\t", "Vic\u001btim", "Victim\u2029" })
	void refusesANameWithControlCharacters(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> sender.send("victim@example.test", name, MAIL))
			.withMessageNotContaining("attacker");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void refusesASubjectWithALineBreak() {
		ComposedMail mail = new ComposedMail("Hello\r\nBcc: attacker@example.test", "<p>Hi</p>", "Hi");

		assertThatIllegalArgumentException().isThrownBy(() -> sender.send("victim@example.test", null, mail));
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

}
