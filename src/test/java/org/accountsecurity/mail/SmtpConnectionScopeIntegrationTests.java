package org.accountsecurity.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Mails sent within an {@link SmtpConnectionScope} share SMTP connections, against a real
 * SMTP server; the outbox worker's threads send each mail once over them.
 */
class SmtpConnectionScopeIntegrationTests {

	static final ComposedMail MAIL = new ComposedMail("Grüße", "<p>Hallo</p>", "Hallo");

	final int port = TestRedis.freePort();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final Counter connections = meters.counter("mail.smtp.connections");

	GreenMail smtp;

	MailSender sender;

	@BeforeEach
	void setUp() {
		smtp = smtpServer();
		smtp.start();
		sender = new MailSender(OutboxSmtpOutageIntegrationTests.javaMailSender(port),
				MailSenderIntegrationTests.PROPERTIES);
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
	}

	@Test
	void mailsSentInAScopeShareOneConnectionAndEachArrives() throws Exception {
		try (SmtpConnectionScope scope = SmtpConnectionScope.open(connections)) {
			for (int i = 0; i < 5; i++) {
				sender.send("zoe" + i + "@example.test", null, MAIL);
			}
		}

		assertThat(recipients()).containsExactlyInAnyOrder("zoe0@example.test", "zoe1@example.test",
				"zoe2@example.test", "zoe3@example.test", "zoe4@example.test");
		assertThat(connections.count()).isEqualTo(1);
		assertThat(SmtpConnectionScope.current()).isNull();
	}

	@Test
	void outsideAScopeEachMailHasAConnectionOfItsOwn() throws Exception {
		sender.send("zoe@example.test", null, MAIL);
		sender.send("zoe@example.test", null, MAIL);

		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(connections.count()).isZero();
	}

	@Test
	void aConnectionCarriesAtMostAHundredMails() {
		try (SmtpConnectionScope scope = SmtpConnectionScope.open(connections)) {
			for (int i = 0; i <= SmtpConnectionScope.MAILS_PER_CONNECTION; i++) {
				sender.send("zoe@example.test", null, MAIL);
			}
		}

		assertThat(smtp.getReceivedMessages()).hasSize(SmtpConnectionScope.MAILS_PER_CONNECTION + 1);
		assertThat(connections.count()).isEqualTo(2);
	}

	@Test
	void aConnectionTheServerDroppedFailsOneMailAndTheNextOpensAFreshOne() throws Exception {
		try (SmtpConnectionScope scope = SmtpConnectionScope.open(connections)) {
			sender.send("first@example.test", null, MAIL);
			smtp.stop(); // closes the kept connection
			smtp = smtpServer();
			smtp.start();

			assertThatExceptionOfType(MailSendException.class)
				.isThrownBy(() -> sender.send("lost@example.test", null, MAIL))
				.withMessageNotContaining("lost@example.test");
			sender.send("second@example.test", null, MAIL);
		}

		assertThat(recipients()).containsExactly("second@example.test");
		assertThat(connections.count()).isEqualTo(2);
	}

	@Test
	void severalWorkerThreadsSendEveryQueuedMailOnceOverSharedConnections() throws Exception {
		TestRedis redis = TestRedis.start();
		OutboxWorker worker = null;
		try {
			OutboxHandler greeting = OutboxSmtpOutageIntegrationTests.greetings(sender, null, MAIL);
			MailOutbox outbox = new MailOutbox(redis.template(), meters);
			int mails = 90;
			IntStream.range(0, mails)
				.forEach(i -> outbox.enqueue(new OutboxMessage("greeting", Map.of("to", "p" + i + "@example.test"))));
			MailProperties threeThreads = new MailProperties("Account Security <no-reply@localhost>", 3,
					Duration.ofMillis(50), true, Duration.ZERO, Duration.ofMinutes(1), 3);
			worker = new OutboxWorker(redis.template(), threeThreads, List.of(greeting), meters,
					OutboxWorkerIntegrationTests.FAST, "threads");
			worker.start();

			await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= mails);
			new Outbox(meters).awaitDrained();
			assertThat(recipients()).doesNotHaveDuplicates()
				.hasSize(mails)
				.containsAll(IntStream.range(0, mails).mapToObj(i -> "p" + i + "@example.test").toList());
			assertThat(meters.counter("mail.sent", "kind", "greeting").count()).isEqualTo(mails);
			// a connection per read of up to 10 mails, not one per mail
			assertThat(connections.count()).isBetween(9.0, 30.0);
			assertThat(redis.template().opsForStream().consumers(OutboxStreams.STREAM, OutboxStreams.GROUP))
				.extracting(StreamInfo.XInfoConsumer::consumerName)
				.containsExactlyInAnyOrder("threads-1", "threads-2", "threads-3");
			worker.stop();
			assertThat(worker.isRunning()).isFalse();
		}
		finally {
			if (worker != null) {
				worker.stop();
			}
			redis.close();
		}
	}

	private GreenMail smtpServer() {
		return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	private List<String> recipients() throws MessagingException {
		return Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionScopeIntegrationTests::to).toList();
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
