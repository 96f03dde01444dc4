package org.accountsecurity.support;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock every integration test may move, the reader of the SMTP server's mailbox, and
 * the outbox to wait on before a check that no mail came.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestFixtures {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	Mailbox mailbox(GreenMail greenMail) {
		return new Mailbox(greenMail);
	}

	@Bean
	Outbox outbox(MeterRegistry meters) {
		return new Outbox(meters);
	}

}
