package org.accountsecurity.system;

import java.time.Duration;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the Jedis pool check a connection (PING) before lending it and while it lies
 * idle. Without it, after a Redis restart every pooled connection is dead and the next
 * requests that draw one fail with a 503 although Redis is back. Boot's
 * {@code spring.data.redis.jedis.pool.*} has no setting for this, so it is set on the
 * factory's pool configuration before the pool is made (at start).
 */
@Component
class ValidatedRedisConnections implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof JedisConnectionFactory factory && factory.getUsePool()) {
			GenericObjectPoolConfig<?> pool = factory.getPoolConfig();
			if (pool != null) {
				pool.setTestOnBorrow(true);
				pool.setTestWhileIdle(true);
				pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
			}
		}
		return bean;
	}

}
