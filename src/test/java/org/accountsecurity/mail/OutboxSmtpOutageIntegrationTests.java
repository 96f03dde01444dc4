package org.accountsecurity.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox, the worker and the real sender against a real SMTP server that is down at
 * first.
 */
class OutboxSmtpOutageIntegrationTests {

	static final MailProperties PROPERTIES = new MailProperties("Account Security <no-reply@localhost>", 10,
			Duration.ofMillis(50), true, Duration.ZERO);

	TestRedis redis;

	int smtpPort = TestRedis.freePort();

	GreenMail smtp;

	OutboxWorker worker;

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void setUp() {
		redis = TestRedis.start();
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	@AfterEach
	void tearDown() {
		if (worker != null) {
			worker.stop();
		}
		smtp.stop();
		redis.close();
	}

	@Test
	void aMailQueuedWhileSmtpIsDownArrivesOnceSmtpIsBack() throws Exception {
		MailSender sender = new MailSender(javaMailSender(smtpPort), PROPERTIES);
		OutboxHandler greeting = greetings(sender, "Zoë", new ComposedMail("Grüße", "<p>Hallo</p>", "Hallo"));
		worker = new OutboxWorker(redis.template(), PROPERTIES, List.of(greeting), meters,
				OutboxWorkerIntegrationTests.FAST, "smtp-test");
		worker.start();

		new MailOutbox(redis.template(), meters)
			.enqueue(new OutboxMessage("greeting", Map.of("to", "zoe@example.test")));
		await().until(() -> meters.counter("mail.retried", "kind", "greeting").count() >= 2);
		assertThat(smtp.getReceivedMessages()).isEmpty();

		smtp.start();

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Grüße");
		assertThat(mail.getAllRecipients()).singleElement()
			.isEqualTo(new InternetAddress("zoe@example.test", "Zoë", "UTF-8"));
		new Outbox(meters).awaitDrained(); // a second copy would have been sent by now
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(meters.counter("mail.sent", "kind", "greeting").count()).isEqualTo(1);
	}

	/**
	 * Handles the kind {@code greeting}: sends {@code mail} to the message's field
	 * {@code to}, shown with {@code name}.
	 */
	static OutboxHandler greetings(MailSender sender, String name, ComposedMail mail) {
		return new OutboxHandler() {

			@Override
			public String kind() {
				return "greeting";
			}

			@Override
			public void handle(OutboxMessage message, int attempt) {
				sender.send(message.fields().get("to"), name, mail);
			}

			@Override
			public void gaveUp(OutboxMessage message, int attempts) {
			}

		};
	}

	static JavaMailSenderImpl javaMailSender(int port) {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "1000");
		properties.setProperty("mail.smtp.timeout", "2000");
		mailSender.setJavaMailProperties(properties);
		return mailSender;
	}

}
