package org.accountsecurity.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fast SMTP sink of the benchmark: an in-process SMTP server in the driver's JVM that answers every command at
 * once (greeting included), keeps nothing but what the driver asks for, and timestamps the end of DATA with the
 * same {@link System#nanoTime()} clock the requests are timed with. Only 127.0.0.1.
 */
final class SmtpSink implements Closeable {

	/** One accepted mail. */
	record Mail(List<String> recipients, byte[] data) {
	}

	private final ServerSocket server;

	private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "smtp-sink");
		t.setDaemon(true);
		return t;
	});

	/** recipient (lower case) → nanoTime of the first mail to it since {@link #clearTimes()}. */
	private final Map<String, Long> firstByRecipient = new ConcurrentHashMap<>();

	private volatile java.util.function.Consumer<Mail> capture;

	private volatile boolean open = true;

	SmtpSink() throws IOException {
		server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
		Thread acceptor = new Thread(this::acceptLoop, "smtp-sink-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	void clearTimes() {
		firstByRecipient.clear();
	}

	Long firstMailTo(String recipient) {
		return firstByRecipient.get(recipient.toLowerCase(Locale.ROOT));
	}

	/** Hands every further mail with its data to {@code consumer}; null stops it. */
	void capture(java.util.function.Consumer<Mail> consumer) {
		this.capture = consumer;
	}

	private void acceptLoop() {
		while (open) {
			try {
				Socket s = server.accept();
				pool.execute(() -> serve(s));
			}
			catch (IOException ex) {
				if (!open) {
					return;
				}
			}
		}
	}

	private void serve(Socket s) {
		try (s) {
			s.setTcpNoDelay(true);
			s.setSoTimeout(60_000);
			InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
			OutputStream out = s.getOutputStream();
			write(out, "220 127.0.0.1 bench SMTP sink ready\r\n");
			List<String> rcpts = new ArrayList<>(2);
			ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
			while (true) {
				String line = readLine(in, raw);
				if (line == null) {
					return;
				}
				String upper = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
				switch (upper) {
					case "EHLO" -> write(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n");
					case "HELO" -> write(out, "250 127.0.0.1\r\n");
					case "MAIL" -> {
						rcpts.clear();
						write(out, "250 2.1.0 OK\r\n");
					}
					case "RCPT" -> {
						int lt = line.indexOf('<');
						int gt = line.indexOf('>', lt + 1);
						if (lt >= 0 && gt > lt) {
							rcpts.add(line.substring(lt + 1, gt).toLowerCase(Locale.ROOT));
						}
						write(out, "250 2.1.5 OK\r\n");
					}
					case "DATA" -> {
						write(out, "354 End data with <CR><LF>.<CR><LF>\r\n");
						boolean keep = capture != null;
						ByteArrayOutputStream data = keep ? new ByteArrayOutputStream(8192) : null;
						while (true) {
							String l = readLine(in, raw);
							if (l == null) {
								return;
							}
							if (l.equals(".")) {
								break;
							}
							if (data != null) {
								String unstuffed = l.startsWith("..") ? l.substring(1) : l;
								data.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
								data.write('\r');
								data.write('\n');
							}
						}
						long now = System.nanoTime();
						for (String r : rcpts) {
							firstByRecipient.putIfAbsent(r, now);
						}
						write(out, "250 2.0.0 OK queued\r\n");
						java.util.function.Consumer<Mail> c = capture;
						if (c != null && data != null) {
							c.accept(new Mail(List.copyOf(rcpts), data.toByteArray()));
						}
						rcpts.clear();
					}
					case "RSET", "NOOP" -> {
						rcpts.clear();
						write(out, "250 OK\r\n");
					}
					case "QUIT" -> {
						write(out, "221 Bye\r\n");
						return;
					}
					default -> write(out, "502 5.5.2 Command not recognized\r\n");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void write(OutputStream out, String s) throws IOException {
		out.write(s.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	// ISO-8859-1 keeps every byte; mails are 7bit/QP/base64 anyway.
	private static String readLine(InputStream in, ByteArrayOutputStream buf) throws IOException {
		buf.reset();
		while (true) {
			int c = in.read();
			if (c < 0) {
				return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
			}
			if (c == '\n') {
				byte[] b = buf.toByteArray();
				int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
				return new String(b, 0, len, StandardCharsets.ISO_8859_1);
			}
			buf.write(c);
		}
	}

	@Override
	public void close() {
		open = false;
		try {
			server.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
		pool.shutdownNow();
	}

}
