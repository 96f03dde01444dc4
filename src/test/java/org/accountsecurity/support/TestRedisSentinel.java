package org.accountsecurity.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import redis.clients.jedis.Jedis;

/**
 * A Sentinel-managed Redis on free ports: a primary, one replica and three sentinels
 * (quorum 2, a primary is down after one second without an answer). Each is a
 * {@link RedisProcess}; the test kills the primary and the sentinels promote the replica.
 */
public final class TestRedisSentinel implements AutoCloseable {

	public static final String MASTER = "mymaster";

	private final List<RedisProcess> servers = new ArrayList<>();

	private final List<RedisProcess> sentinels = new ArrayList<>();

	private TestRedisSentinel() {
	}

	public static TestRedisSentinel start() {
		TestRedisSentinel set = new TestRedisSentinel();
		try {
			RedisProcess primary = RedisProcess.start("--appendonly", "no");
			set.servers.add(primary);
			set.servers.add(RedisProcess.start("--appendonly", "no", "--replicaof", "127.0.0.1",
					Integer.toString(primary.port())));
			String config = """
					sentinel monitor %s 127.0.0.1 %d 2
					sentinel down-after-milliseconds %s 1000
					sentinel failover-timeout %s 10000
					sentinel parallel-syncs %s 1
					""".formatted(MASTER, primary.port(), MASTER, MASTER, MASTER);
			for (int i = 0; i < 3; i++) {
				set.sentinels.add(RedisProcess.sentinel(config));
			}
			set.awaitSettled(primary.port());
			return set;
		}
		catch (RuntimeException ex) {
			set.close();
			throw ex;
		}
	}

	/** {@code spring.data.redis.sentinel.nodes}. */
	public String sentinelNodes() {
		return sentinels.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(","));
	}

	/** The server the sentinels name as primary now. */
	public int primaryPort() {
		try (Jedis sentinel = sentinels.get(0).client()) {
			return Integer.parseInt(sentinel.sentinelGetMasterAddrByName(MASTER).get(1));
		}
	}

	/** Kills the current primary (SIGKILL); returns its port. */
	public int killPrimary() {
		int port = primaryPort();
		servers.stream().filter(server -> server.port() == port).findFirst().orElseThrow().kill();
		return port;
	}

	// Every sentinel knows the primary, the replica and the two other sentinels, and the
	// replica is in sync.
	private void awaitSettled(int primaryPort) {
		Awaitility.await("the sentinels to settle")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				for (RedisProcess sentinel : sentinels) {
					try (Jedis jedis = sentinel.client()) {
						if (jedis.sentinelSentinels(MASTER).size() != 2 || jedis.sentinelReplicas(MASTER).size() != 1
								|| Integer.parseInt(jedis.sentinelGetMasterAddrByName(MASTER).get(1)) != primaryPort) {
							return false;
						}
					}
				}
				try (Jedis replica = servers.get(1).client()) {
					return replica.info("replication").contains("master_link_status:up");
				}
			});
	}

	@Override
	public void close() {
		sentinels.forEach(RedisProcess::close);
		servers.forEach(RedisProcess::close);
	}

}
