/**
 * E-mail: a durable outbox on a Redis Stream, the worker that sends and retries it, and
 * the mail templates.
 */
package org.accountsecurity.mail;
