package org.accountsecurity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and one of its servers (Redis, SMTP, PostgreSQL) that a
 * test can cut (open connections break, new ones are closed at once) or slow down (each
 * new connection reaches the server only after a delay, so an SMTP server seems to take
 * that long per mail). The service connects to {@link #port()}.
 */
public final class TcpRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final int serverPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile boolean open = true;

	private volatile Duration delay = Duration.ZERO;

	public TcpRelay(int serverPort) {
		this.serverPort = serverPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("tcp-relay-" + serverPort, this::accept);
	}

	public int port() {
		return listener.getLocalPort();
	}

	public int serverPort() {
		return serverPort;
	}

	/** Breaks every connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		open = false;
		sockets.forEach(TcpRelay::closeQuietly);
		sockets.clear();
	}

	/** Open again, without delay. */
	public void restore() {
		delay = Duration.ZERO;
		open = true;
	}

	/** New connections reach the server only after {@code delay}. */
	public void slowDown(Duration delay) {
		this.delay = delay;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(listener);
	}

	private void accept() {
		while (!listener.isClosed()) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException ex) {
				continue;
			}
			if (!open) {
				closeQuietly(client);
				continue;
			}
			sockets.add(client);
			daemon("tcp-relay-connect", () -> connect(client, delay));
		}
	}

	private void connect(Socket client, Duration wait) {
		try {
			if (!wait.isZero()) {
				Thread.sleep(wait.toMillis());
			}
			if (!open || client.isClosed()) {
				closeQuietly(client);
				return;
			}
			Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
			sockets.add(server);
			pipe(client, server);
			pipe(server, client);
		}
		catch (IOException ex) {
			closeQuietly(client);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeQuietly(client);
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon("tcp-relay-pipe", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// Cut or closed.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				sockets.remove(from);
				sockets.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Already closed.
		}
	}

}
