package org.accountsecurity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and its Redis server that a test can cut: every open
 * connection breaks and new ones are closed at once, while the server keeps its data (a
 * stopped embedded Redis would lose it). The service connects to {@link #port()}
 * ({@code spring.data.redis.url}); the server listens on
 * {@code app.dev.redis-server-port}.
 */
public final class RedisProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int serverPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile boolean open = true;

	public RedisProxy(int serverPort) {
		this.serverPort = serverPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("redis-proxy", this::accept);
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
		sockets.forEach(RedisProxy::closeQuietly);
		sockets.clear();
	}

	public void restore() {
		open = true;
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
			try {
				Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
				sockets.add(client);
				sockets.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// The server is down: the client sees its connection close.
				closeQuietly(client);
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon("redis-proxy-pipe", () -> {
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
