package org.accountsecurity.mail;

import java.util.IdentityHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * While open on a thread, the mails that thread sends through {@link MailSender} share
 * one SMTP connection per server instead of opening one each (connect, greeting, EHLO and
 * QUIT for every mail): the outbox worker opens a scope for each batch it reads. A failed
 * send closes the connection, so that the next mail (or the outbox's retry) starts on a
 * fresh one; a connection carries at most {@value #MAILS_PER_CONNECTION} mails, as many
 * servers limit them.
 */
final class SmtpConnectionScope implements AutoCloseable {

	static final int MAILS_PER_CONNECTION = 100;

	private static final ThreadLocal<SmtpConnectionScope> CURRENT = new ThreadLocal<>();

	private final Map<JavaMailSenderImpl, Connection> connections = new IdentityHashMap<>(2);

	private final Counter opened;

	private SmtpConnectionScope(Counter opened) {
		this.opened = opened;
	}

	/**
	 * Opens a scope on the calling thread; {@code opened} counts the connections it
	 * makes.
	 */
	static SmtpConnectionScope open(Counter opened) {
		if (CURRENT.get() != null) {
			throw new IllegalStateException("An SMTP connection scope is already open on this thread");
		}
		SmtpConnectionScope scope = new SmtpConnectionScope(opened);
		CURRENT.set(scope);
		return scope;
	}

	/** The scope open on the calling thread, or null. */
	static SmtpConnectionScope current() {
		return CURRENT.get();
	}

	/**
	 * Sends {@code message} as {@link JavaMailSenderImpl#send} would, over the kept
	 * connection.
	 */
	void send(JavaMailSenderImpl sender, MimeMessage message) {
		Connection connection = connections.get(sender);
		try {
			if (connection == null || connection.sent >= MAILS_PER_CONNECTION) {
				closeQuietly(connections.remove(sender));
				connection = new Connection(connect(sender));
				connections.put(sender, connection);
				opened.increment();
			}
			message.saveChanges();
			Address[] recipients = message.getAllRecipients();
			connection.transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
			connection.sent++;
		}
		catch (MessagingException ex) {
			// Whatever state the server is in now, the next mail starts afresh.
			closeQuietly(connections.remove(sender));
			throw new MailSendException("The mail could not be sent", ex);
		}
	}

	@Override
	public void close() {
		CURRENT.remove();
		connections.values().forEach(SmtpConnectionScope::closeQuietly);
		connections.clear();
	}

	// What JavaMailSenderImpl.connectTransport does (it is protected there).
	private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
		String protocol = (sender.getProtocol() != null) ? sender.getProtocol() : JavaMailSenderImpl.DEFAULT_PROTOCOL;
		Transport transport = sender.getSession().getTransport(protocol);
		transport.connect(sender.getHost(), sender.getPort(), emptyToNull(sender.getUsername()),
				emptyToNull(sender.getPassword()));
		return transport;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.transport.close();
			}
			catch (MessagingException ex) {
				// The connection is gone either way.
			}
		}
	}

	private static final class Connection {

		final Transport transport;

		int sent;

		Connection(Transport transport) {
			this.transport = transport;
		}

	}

}
