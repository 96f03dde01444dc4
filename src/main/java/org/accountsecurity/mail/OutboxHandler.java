package org.accountsecurity.mail;

/**
 * Does the jobs of one {@link OutboxMessage#kind() kind}; features implement it as a bean
 * and the outbox worker calls it, so that requests only queue a message and never wait
 * for SMTP.
 */
public interface OutboxHandler {

	/** The kind of message this handler does. */
	String kind();

	/**
	 * Does the job (builds and sends the mail). Any exception thrown, typically a Spring
	 * {@link org.springframework.mail.MailException}, has the message retried with
	 * back-off.
	 * @param attempt 1 for the first try, counting up with every retry
	 */
	void handle(OutboxMessage message, int attempt);

	/**
	 * Called once, after the last attempt failed and the message was moved to the dead
	 * letters.
	 */
	void gaveUp(OutboxMessage message, int attempts);

}
