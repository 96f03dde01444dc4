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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a test Redis with {@code MONITOR} and reports every key a Lua script touched
 * that it did not declare in {@code KEYS}: Redis supports only declared keys in a
 * Cluster. It reads each command's first argument as its key (true of the commands our
 * scripts use).
 */
public final class RedisMonitor {

	private static final Pattern ARGUMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Set<String> SCRIPT_COMMANDS = Set.of("eval", "evalsha", "eval_ro", "evalsha_ro");

	private RedisMonitor() {
	}

	/**
	 * Runs the work and returns "COMMAND key" for each undeclared key its scripts
	 * touched, and fails if no script ran (the check would prove nothing).
	 */
	public static List<String> undeclaredScriptKeys(TestRedis redis, Runnable work) {
		String end = "end-" + UUID.randomUUID();
		try (Socket socket = new Socket("127.0.0.1", redis.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			if (!"+OK".equals(in.readLine())) {
				throw new IllegalStateException("MONITOR refused");
			}
			work.run();
			// a command of its own marks where the work ended
			redis.template().hasKey(end);
			return undeclared(in, end);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> undeclared(BufferedReader in, String end) throws IOException {
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
		if (declared == null) {
			throw new IllegalStateException("no script ran");
		}
		return undeclared;
	}

	private static List<String> arguments(String line) {
		List<String> args = new ArrayList<>();
		Matcher matcher = ARGUMENT.matcher(line);
		while (matcher.find()) {
			args.add(matcher.group(1));
		}
		return args;
	}

}
