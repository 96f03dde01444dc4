package org.accountsecurity.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * One real {@code redis-server} process (the machine's binary, else the one shipped in
 * embedded-redis) on a free port, in a temporary directory of its own, that a test can
 * kill ({@code SIGKILL}) and start again with the same settings and files. Cluster nodes,
 * Sentinel primaries, replicas and sentinels are all made of these.
 */
public final class RedisProcess implements AutoCloseable {

	private static final File SYSTEM_REDIS = new File("/usr/bin/redis-server");

	private final int port;

	private final Path dir;

	private final List<String> command;

	private Process process;

	private RedisProcess(int port, Path dir, List<String> command) {
		this.port = port;
		this.dir = dir;
		this.command = command;
		Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
	}

	/**
	 * A started server with these extra arguments (e.g. {@code --appendonly yes}); no
	 * snapshots unless they say so.
	 */
	public static RedisProcess start(String... settings) {
		RedisProcess redis = prepared(List.of(settings), false);
		redis.start();
		return redis;
	}

	/**
	 * A started sentinel whose configuration file holds {@code config} (Sentinel rewrites
	 * it).
	 */
	public static RedisProcess sentinel(String config) {
		RedisProcess sentinel = prepared(List.of(), true);
		try {
			Files.writeString(sentinel.dir.resolve("sentinel.conf"), config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		sentinel.start();
		return sentinel;
	}

	private static RedisProcess prepared(List<String> settings, boolean sentinel) {
		int port = TestRedis.freePort();
		try {
			Path dir = Files.createTempDirectory("redis-" + port + "-");
			List<String> command = new ArrayList<>();
			command.add(executable());
			if (sentinel) {
				command.add(dir.resolve("sentinel.conf").toString());
				command.add("--sentinel");
			}
			command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
					"--daemonize", "no", "--protected-mode", "no", "--logfile", dir.resolve("log").toString()));
			if (!sentinel) {
				command.addAll(List.of("--save", ""));
			}
			command.addAll(settings);
			return new RedisProcess(port, dir, command);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String executable() {
		if (SYSTEM_REDIS.canExecute()) {
			return SYSTEM_REDIS.getPath();
		}
		try {
			File binary = ExecutableProvider.newJarResourceProvider().get();
			binary.setExecutable(true);
			return binary.getPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	public Path dir() {
		return dir;
	}

	/** Starts the process (again) and waits until it answers PING. */
	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		try {
			process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("stdout").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Awaitility.await("redis-server on port " + port)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> {
				try (Jedis jedis = client()) {
					return "PONG".equals(jedis.ping());
				}
			});
	}

	/** SIGKILL: no shutdown, no final save; what the server did not write is lost. */
	public synchronized void kill() {
		if (process != null) {
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	public boolean alive() {
		return process != null && process.isAlive();
	}

	/** A new connection to this server; close it. */
	public Jedis client() {
		return new Jedis("127.0.0.1", port, 2000);
	}

	/** The server's log, for a failure message. */
	public String log() {
		try {
			Path log = dir.resolve("log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	@Override
	public void close() {
		kill();
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind.
		}
	}

}
