package org.accountsecurity.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * On a Redis Cluster, hears the expiry and deletion of every session, wherever it lives.
 * Each node publishes the keyspace events of its own keys only, and Spring Session's
 * listener container subscribes on one node: an expired session held by another node
 * would stay in its account's index (a set without expiry) for good. So the session
 * repository is subscribed to those two channels on every primary, and they are taken off
 * the default container, which would hear its node's events twice. Standalone and
 * Sentinel set-ups are left as they are.
 */
@Component
class ClusterSessionEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterSessionEvents.class);

	private final RedisConnectionFactory factory;

	private final RedisIndexedSessionRepository sessions;

	private final RedisMessageListenerContainer sessionContainer;

	private final List<RedisMessageListenerContainer> containers = new ArrayList<>();

	private final List<JedisConnectionFactory> nodeFactories = new ArrayList<>();

	private volatile boolean running;

	ClusterSessionEvents(RedisConnectionFactory factory, RedisIndexedSessionRepository sessions,
			@Qualifier("springSessionRedisMessageListenerContainer") RedisMessageListenerContainer sessionContainer) {
		this.factory = factory;
		this.sessions = sessions;
		this.sessionContainer = sessionContainer;
	}

	@Override
	public synchronized void start() {
		running = true;
		if (!(factory instanceof JedisConnectionFactory jedis) || jedis.getClusterConfiguration() == null) {
			return;
		}
		List<Topic> topics = List.of(new ChannelTopic(sessions.getSessionDeletedChannel()),
				new ChannelTopic(sessions.getSessionExpiredChannel()));
		sessionContainer.removeMessageListener(sessions, topics);
		for (RedisClusterNode node : primaries(jedis)) {
			JedisConnectionFactory nodeFactory = new JedisConnectionFactory(
					nodeConfiguration(jedis.getClusterConfiguration(), node), jedis.getClientConfiguration());
			nodeFactory.afterPropertiesSet();
			nodeFactory.start();
			nodeFactories.add(nodeFactory);
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(nodeFactory);
			container.addMessageListener(sessions, topics);
			container.afterPropertiesSet();
			container.start();
			containers.add(container);
		}
		log.info("Session expiry and deletion events subscribed on {} Redis Cluster primaries", containers.size());
	}

	@Override
	public synchronized void stop() {
		running = false;
		containers.forEach(container -> {
			container.stop();
			try {
				container.destroy();
			}
			catch (Exception ex) {
				log.debug("A session event subscription did not close cleanly ({})", ex.getClass().getSimpleName());
			}
		});
		containers.clear();
		nodeFactories.forEach(JedisConnectionFactory::destroy);
		nodeFactories.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static List<RedisClusterNode> primaries(JedisConnectionFactory jedis) {
		try (RedisClusterConnection connection = jedis.getClusterConnection()) {
			List<RedisClusterNode> primaries = new ArrayList<>();
			for (RedisClusterNode node : connection.clusterGetNodes()) {
				if (node.isMaster() && node.isConnected()) {
					primaries.add(node);
				}
			}
			return primaries;
		}
	}

	private static RedisStandaloneConfiguration nodeConfiguration(RedisClusterConfiguration cluster,
			RedisClusterNode node) {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(node.getHost(), node.getPort());
		configuration.setUsername(cluster.getUsername());
		configuration.setPassword(cluster.getPassword());
		return configuration;
	}

}
