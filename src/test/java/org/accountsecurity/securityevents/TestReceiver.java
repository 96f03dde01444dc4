package org.accountsecurity.securityevents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a fixed loopback port (the JDK's server): it keeps every
 * request it gets and answers with a set status. It can be stopped and started again on
 * the same port, as a receiver that was down.
 */
final class TestReceiver {

	private final int port;

	private final List<Received> received = new ArrayList<>();

	private volatile int status;

	private volatile CountDownLatch held = new CountDownLatch(0);

	private HttpServer server;

	TestReceiver(int status) {
		this.status = status;
		this.port = start(0);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	synchronized List<Received> received() {
		return List.copyOf(received);
	}

	void answer(int newStatus) {
		status = newStatus;
	}

	/**
	 * From now on, each request is kept (after it was recorded) until {@link #release}.
	 */
	void hold() {
		held = new CountDownLatch(1);
	}

	void release() {
		held.countDown();
	}

	synchronized void stop() {
		server.stop(0);
		server = null;
	}

	/** Listens again on the same port. */
	void restart() {
		start(port);
	}

	private synchronized int start(int onPort) {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				record(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			try {
				held.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		// Held requests must not keep the next ones waiting.
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		return server.getAddress().getPort();
	}

	private synchronized void record(Received request) {
		received.add(request);
	}

	/** One request as it arrived; header names in any case. */
	record Received(String method, String path, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name);
		}

	}

}
