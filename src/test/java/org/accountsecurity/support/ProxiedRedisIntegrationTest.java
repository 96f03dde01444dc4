package org.accountsecurity.support;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A context of its own whose Redis is reached through a {@link TcpRelay} the test can
 * cut, with after-change steps retried every second. Each subclass has its own proxy (its
 * context, cached, keeps its Redis server) and passes it to {@link #throughThe} from its
 * own {@code @DynamicPropertySource}.
 */
public abstract class ProxiedRedisIntegrationTest extends SeparateIntegrationTest {

	@Autowired
	protected JdbcClient jdbc;

	protected static TcpRelay newProxy() {
		return new TcpRelay(IntegrationTest.freePort());
	}

	protected static void throughThe(TcpRelay proxy, DynamicPropertyRegistry registry) {
		registry.add("app.dev.redis-server-port", proxy::serverPort);
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + proxy.port());
		registry.add("app.after-change.retry-delay", () -> "PT1S");
	}

	protected abstract TcpRelay proxy();

	@AfterEach
	void redisIsBack() {
		proxy().restore();
	}

	/** The account's after-change steps not done yet. */
	protected long pendingSteps(UUID accountId) {
		return jdbc.sql("select count(*) from after_change_step where account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

}
