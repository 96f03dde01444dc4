package org.accountsecurity.bench;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.support.Mailbox;

/**
 * Reset links as the phases that open them get them: requested through the API and read
 * out of the sink's mails.
 */
final class MailedLinks {

	private MailedLinks() {
	}

	/**
	 * Requests a reset for each account and reads the link out of its mail; recipient →
	 * token.
	 */
	static Map<String, String> fetch(Run run, int from, int count) throws Exception {
		Map<String, String> tokens = new ConcurrentHashMap<>();
		run.sink.capture(mail -> {
			String token = tokenOf(mail.data());
			if (token != null) {
				for (String r : mail.recipients()) {
					tokens.put(r, token);
				}
			}
		});
		try {
			Load.closed("tokens", run.service.port, 4, 0, 60_000, count,
					run.requests.apiTask(seq -> Requests.email(from + (int) seq)), null);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (tokens.size() < count && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		finally {
			run.sink.capture(null);
		}
		Run.log("fetched %d of %d reset links from the sink", tokens.size(), count);
		return tokens;
	}

	static String tokenOf(byte[] data) {
		try {
			return Mailbox
				.token(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
		}
		catch (Exception | AssertionError ex) { // not a reset mail
			return null;
		}
	}

}
