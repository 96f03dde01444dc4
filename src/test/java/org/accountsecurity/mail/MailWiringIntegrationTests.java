package org.accountsecurity.mail;

import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The beans as the application wires them (Boot's template engine, message source, mail
 * sender and Redis client): a queued message becomes a German reset mail in the SMTP
 * server's mailbox.
 */
class MailWiringIntegrationTests {

	TestRedis redis;

	int smtpPort = TestRedis.freePort();

	GreenMail smtp;

	@BeforeEach
	void setUp() {
		redis = TestRedis.start();
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		redis.close();
	}

	@Test
	void aQueuedMessageIsComposedAndSentByTheWiredBeans() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
					MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
					MailSenderAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withUserConfiguration(Wiring.class)
			.withPropertyValues("spring.messages.basename=messages/mail",
					"spring.messages.fallback-to-system-locale=false", "spring.data.redis.client-type=jedis",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
					"spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
					"app.mail.from=Konto <konto@example.test>")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(OutboxWorker.class);
				assertThat(context.getBean(OutboxWorker.class).isRunning()).isTrue();

				context.getBean(MailOutbox.class)
					.enqueue(new OutboxMessage("reset-link", Map.of("to", "ada@example.test")));

				await().until(() -> smtp.getReceivedMessages().length == 1);
				MimeMessage mail = smtp.getReceivedMessages()[0];
				assertThat(mail.getSubject()).isEqualTo("Ihr Link zum Zurücksetzen des Passworts");
				assertThat(mail.getContentType()).startsWith("multipart/alternative");
				MimeMultipart parts = (MimeMultipart) mail.getContent();
				assertThat((String) parts.getBodyPart(0).getContent()).startsWith("Hallo Ada Lovelace,")
					.contains(MailComposerTests.LINK);
				assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"de\">")
					.contains("href=\"" + MailComposerTests.LINK + "\"");
				// The counter follows the SMTP hand-over, so it may trail the mail's
				// arrival by a moment.
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().until(() -> meters.find("mail.sent").counter() != null);
				await().until(() -> meters.get("mail.sent").counter().count() == 1);
			});
	}

	@Test
	void theWorkerStaysOffWhenDisabled() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
					MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
					MailSenderAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withUserConfiguration(Wiring.class)
			.withPropertyValues("spring.data.redis.client-type=jedis", "spring.data.redis.port=" + redis.port(),
					"spring.mail.host=127.0.0.1", "app.mail.worker-enabled=false")
			.run(context -> assertThat(context.getBean(OutboxWorker.class).isRunning()).isFalse());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailProperties.class)
	@Import({ MailOutbox.class, MailComposer.class, MailSender.class, Mailer.class, OutboxWorker.class })
	static class Wiring {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		OutboxHandler resetLinkHandler(Mailer mailer) {
			return new OutboxHandler() {

				@Override
				public String kind() {
					return "reset-link";
				}

				@Override
				public void handle(OutboxMessage message, int attempt) {
					mailer.send(new Recipient(message.fields().get("to"), "Ada Lovelace", Locale.GERMAN), "reset-link",
							MailComposerTests.model("reset-link"));
				}

				@Override
				public void gaveUp(OutboxMessage message, int attempts) {
				}

			};
		}

	}

}
