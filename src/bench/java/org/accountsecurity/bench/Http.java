package org.accountsecurity.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive connection: cheap enough that the load generator leaves
 * the CPU to the service, and its timings are the request's own. Only 127.0.0.1.
 */
final class Http implements Closeable {

	private final int port;

	private final int readTimeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final StringBuilder line = new StringBuilder(256);

	Http(int port) {
		this(port, 30_000);
	}

	/** A client whose answers may take up to {@code readTimeoutMillis} (seeding on a busy machine). */
	Http(int port, int readTimeoutMillis) {
		this.port = port;
		this.readTimeoutMillis = readTimeoutMillis;
	}

	/** One answer: status, the headers the driver needs, the body (as text when asked for). */
	record Response(int status, String setCookie, String location, String body) {
	}

	Response get(String path, String cookie, boolean keepBody) throws IOException {
		return exchange("GET", path, cookie, null, null, keepBody);
	}

	Response post(String path, String cookie, String contentType, String body, boolean keepBody) throws IOException {
		return exchange("POST", path, cookie, contentType, body.getBytes(StandardCharsets.UTF_8), keepBody);
	}

	Response exchange(String method, String path, String cookie, String contentType, byte[] body, boolean keepBody)
			throws IOException {
		try {
			return once(method, path, cookie, contentType, body, keepBody);
		}
		catch (java.net.SocketTimeoutException ex) {
			throw ex; // the server may still be working on it: sending it again would do it twice
		}
		catch (IOException ex) {
			// A connection the server closed between requests: one retry on a fresh one.
			close();
			return once(method, path, cookie, contentType, body, keepBody);
		}
	}

	private Response once(String method, String path, String cookie, String contentType, byte[] body,
			boolean keepBody) throws IOException {
		if (socket == null) {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(readTimeoutMillis);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
			out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
		}
		StringBuilder head = new StringBuilder(256);
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
			.append("\r\nUser-Agent: account-security-bench/1\r\nAccept-Language: en\r\nAccept: */*\r\n");
		if (cookie != null) {
			head.append("Cookie: ").append(cookie).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
				.append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			out.write(body);
		}
		out.flush();
		return read(keepBody, "HEAD".equals(method));
	}

	private Response read(boolean keepBody, boolean head) throws IOException {
		String status = readLine();
		if (status.isEmpty()) {
			throw new EOFException("no status line");
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		String setCookie = null;
		String location = null;
		for (String h = readLine(); !h.isEmpty(); h = readLine()) {
			int colon = h.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = h.substring(0, colon).trim().toLowerCase();
			String value = h.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				case "set-cookie" -> {
					// every cookie the answer sets, as one Cookie header value (SESSION, CSRF, ...)
					int semi = value.indexOf(';');
					String pair = semi < 0 ? value : value.substring(0, semi);
					setCookie = setCookie == null ? pair : setCookie + "; " + pair;
				}
				case "location" -> location = value;
				default -> {
				}
			}
		}
		ByteArrayOutputStream bodyBytes = keepBody ? new ByteArrayOutputStream(4096) : null;
		if (head || code == 204 || code == 304 || code / 100 == 1) {
			// no body
		}
		else if (chunked) {
			while (true) {
				String size = readLine();
				int semi = size.indexOf(';');
				int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
				if (n == 0) {
					for (String t = readLine(); !t.isEmpty(); t = readLine()) {
						// trailers
					}
					break;
				}
				copy(n, bodyBytes);
				readLine();
			}
		}
		else if (length >= 0) {
			copy(length, bodyBytes);
		}
		else {
			close = true;
			byte[] buf = new byte[8192];
			for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
				if (bodyBytes != null) {
					bodyBytes.write(buf, 0, r);
				}
			}
		}
		if (close) {
			close();
		}
		return new Response(code, setCookie, location,
				bodyBytes == null ? null : bodyBytes.toString(StandardCharsets.UTF_8));
	}

	private void copy(long n, ByteArrayOutputStream to) throws IOException {
		byte[] buf = new byte[8192];
		while (n > 0) {
			int r = in.read(buf, 0, (int) Math.min(buf.length, n));
			if (r < 0) {
				throw new EOFException("body cut short");
			}
			if (to != null) {
				to.write(buf, 0, r);
			}
			n -= r;
		}
	}

	private String readLine() throws IOException {
		line.setLength(0);
		while (true) {
			int c = in.read();
			if (c < 0) {
				if (line.length() == 0) {
					throw new EOFException("connection closed");
				}
				return line.toString();
			}
			if (c == '\n') {
				int len = line.length();
				if (len > 0 && line.charAt(len - 1) == '\r') {
					line.setLength(len - 1);
				}
				return line.toString();
			}
			line.append((char) c);
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
	}

}
