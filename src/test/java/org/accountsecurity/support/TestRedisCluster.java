package org.accountsecurity.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster of three primaries (no replicas) on free ports, each a
 * {@link RedisProcess} with {@code cluster-enabled yes}. It is created with
 * {@code redis-cli --cluster create} where the machine has {@code redis-cli}, else by
 * assigning the slots and introducing the nodes by hand, and is ready once every node
 * reports {@code cluster_state:ok}. Nothing sets {@code notify-keyspace-events}: the
 * service must.
 */
public final class TestRedisCluster implements AutoCloseable {

	private static final File REDIS_CLI = new File("/usr/bin/redis-cli");

	private static final int SLOTS = 16384;

	private final List<RedisProcess> nodes = new ArrayList<>();

	private TestRedisCluster() {
	}

	public static TestRedisCluster start() {
		TestRedisCluster cluster = new TestRedisCluster();
		try {
			for (int i = 0; i < 3; i++) {
				cluster.nodes.add(RedisProcess.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
						"--cluster-node-timeout", "5000", "--appendonly", "no"));
			}
			if (REDIS_CLI.canExecute()) {
				cluster.createWithRedisCli();
			}
			else {
				cluster.createByHand();
			}
			cluster.awaitOk();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * {@code spring.data.redis.cluster.nodes}: every node, host:port, comma separated.
	 */
	public String nodesSetting() {
		return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
	}

	public List<RedisProcess> nodes() {
		return nodes;
	}

	/** The node that serves {@code key}'s slot. */
	public RedisProcess nodeOf(String key) {
		for (RedisProcess node : nodes) {
			try (Jedis jedis = node.client()) {
				long slot = jedis.clusterKeySlot(key);
				String owner = jedis.clusterNodes()
					.lines()
					.filter(line -> line.contains("myself"))
					.findFirst()
					.orElseThrow();
				if (serves(owner, slot)) {
					return node;
				}
			}
		}
		throw new IllegalStateException("No node serves " + key);
	}

	private static boolean serves(String nodesLine, long slot) {
		String[] fields = nodesLine.split(" ");
		for (int i = 8; i < fields.length; i++) {
			String[] range = fields[i].split("-");
			long from = Long.parseLong(range[0]);
			long to = range.length > 1 ? Long.parseLong(range[1]) : from;
			if (slot >= from && slot <= to) {
				return true;
			}
		}
		return false;
	}

	private void createWithRedisCli() {
		List<String> command = new ArrayList<>(List.of(REDIS_CLI.getPath(), "--cluster", "create"));
		nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		try {
			Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(create.getInputStream().readAllBytes());
			if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
				throw new IllegalStateException("redis-cli --cluster create failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// What redis-cli does: a third of the slots to each node, then every node meets the
	// first.
	private void createByHand() {
		for (int i = 0; i < nodes.size(); i++) {
			int from = i * SLOTS / nodes.size();
			int to = (i + 1) * SLOTS / nodes.size();
			int[] slots = new int[to - from];
			for (int slot = from; slot < to; slot++) {
				slots[slot - from] = slot;
			}
			try (Jedis jedis = nodes.get(i).client()) {
				jedis.clusterAddSlots(slots);
				if (i > 0) {
					jedis.clusterMeet("127.0.0.1", nodes.get(0).port());
				}
			}
		}
	}

	private void awaitOk() {
		for (RedisProcess node : nodes) {
			Awaitility.await("cluster_state:ok on port " + node.port())
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					try (Jedis jedis = node.client()) {
						return jedis.clusterInfo().contains("cluster_state:ok")
								&& jedis.clusterNodes().lines().count() == nodes.size();
					}
				});
		}
	}

	@Override
	public void close() {
		nodes.forEach(RedisProcess::close);
	}

}
