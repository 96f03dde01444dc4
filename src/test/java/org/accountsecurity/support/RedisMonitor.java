package org.accountsecurity.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Watches a test Redis with {@code MONITOR} and reports every key a Lua script touched
 * that it did not declare in {@code KEYS}: Redis supports only declared keys in a
 * Cluster. It reads each command's first argument as its key (true of the commands our
 * scripts use).
 */
public final class RedisMonitor {

	private static final Set<String> SCRIPT_COMMANDS = Set.of("eval", "evalsha", "eval_ro", "evalsha_ro");

	private RedisMonitor() {
	}

	/**
	 * Runs the work and returns "COMMAND key" for each undeclared key its scripts
	 * touched, and fails if no script ran (the check would prove nothing).
	 */
	public static List<String> undeclaredScriptKeys(TestRedis redis, Runnable work) {
		return undeclaredScriptKeys(List.of(redis.port()), work);
	}

	/**
	 * The same over several servers at once (the nodes of a cluster): fails if no script
	 * ran on any of them.
	 */
	public static List<String> undeclaredScriptKeys(List<Integer> ports, Runnable work) {
		String end = "end-" + UUID.randomUUID();
		List<Socket> sockets = new ArrayList<>();
		try {
			List<BufferedReader> readers = new ArrayList<>();
			for (int port : ports) {
				Socket socket = new Socket("127.0.0.1", port);
				sockets.add(socket);
				socket.setSoTimeout(10_000);
				socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				if (!"+OK".equals(in.readLine())) {
					throw new IllegalStateException("MONITOR refused");
				}
				readers.add(in);
			}
			work.run();
			List<String> undeclared = new ArrayList<>();
			boolean anyScript = false;
			for (int i = 0; i < ports.size(); i++) {
				// a command of its own marks where the work ended
				try (Socket marker = new Socket("127.0.0.1", ports.get(i))) {
					marker.getOutputStream().write(("ECHO " + end + "\r\n").getBytes(StandardCharsets.US_ASCII));
					marker.getInputStream().read();
				}
				Scan scan = undeclared(readers.get(i), end);
				anyScript |= scan.scriptRan();
				undeclared.addAll(scan.undeclared());
			}
			if (!anyScript) {
				throw new IllegalStateException("no script ran");
			}
			return undeclared;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			sockets.forEach(socket -> {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// closed
				}
			});
		}
	}

	private record Scan(boolean scriptRan, List<String> undeclared) {
	}

	private static Scan undeclared(BufferedReader in, String end) throws IOException {
		List<String> undeclared = new ArrayList<>();
		List<String> declared = null;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			List<String> args = arguments(line);
			if (args.isEmpty()) {
				continue;
			}
			String command = args.get(0).toLowerCase(Locale.ROOT);
			if (line.contains(" lua] ")) {
				if (args.size() > 1 && !declared.contains(args.get(1))) {
					undeclared.add(args.get(0) + " " + args.get(1));
				}
			}
			else if (SCRIPT_COMMANDS.contains(command)) {
				int count = Integer.parseInt(args.get(2));
				declared = args.subList(3, 3 + count);
			}
			else if (args.contains(end)) {
				break;
			}
		}
		return new Scan(declared != null, undeclared);
	}

	// By hand, not by a regular expression: a session's serialized value is one long
	// argument full of escapes, which a pattern's backtracking overflows the stack on.
	private static List<String> arguments(String line) {
		List<String> args = new ArrayList<>();
		StringBuilder current = null;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (current == null) {
				if (c == '"') {
					current = new StringBuilder();
				}
			}
			else if (c == '\\' && i + 1 < line.length()) {
				current.append(c).append(line.charAt(++i));
			}
			else if (c == '"') {
				args.add(current.toString());
				current = null;
			}
			else {
				current.append(c);
			}
		}
		return args;
	}

}
