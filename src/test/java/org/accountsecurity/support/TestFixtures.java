package org.accountsecurity.support;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock every integration test may move, and the reader of the SMTP server's mailbox.
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

}
