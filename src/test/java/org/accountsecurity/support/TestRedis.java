package org.accountsecurity.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis server on a free port (the machine's own binary when it has one) and a
 * client for it.
 */
public final class TestRedis implements AutoCloseable {

	private static final File SYSTEM_REDIS = new File("/usr/bin/redis-server");

	private final int port;

	private final RedisServer server;

	private final JedisConnectionFactory factory;

	private final StringRedisTemplate template;

	private TestRedis(int port) {
		this.port = port;
		var builder = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no");
		if (SYSTEM_REDIS.canExecute()) {
			builder.executableProvider(() -> SYSTEM_REDIS);
		}
		try {
			this.server = builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new StringRedisTemplate(factory);
	}

	/** A running server. */
	public static TestRedis start() {
		TestRedis redis = new TestRedis(freePort());
		redis.startServer();
		return redis;
	}

	/**
	 * A server that is not running yet: the client fails until {@link #startServer()}.
	 */
	public static TestRedis notStarted() {
		return new TestRedis(freePort());
	}

	public int port() {
		return port;
	}

	public StringRedisTemplate template() {
		return template;
	}

	public void startServer() {
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void stopServer() {
		try {
			server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void flush() {
		template.execute(connection -> {
			connection.serverCommands().flushAll();
			return null;
		}, true);
	}

	@Override
	public void close() {
		factory.destroy();
		if (server.isActive()) {
			stopServer();
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
