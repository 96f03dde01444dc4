package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.support.ServiceTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reset tokens (make bench, JMH): issue = JWT HS256 signing + SHA-256 + the Lua REPLACE in Redis; check = JWT
 * parsing and verification + SHA-256 + the STATE script (GET + HGET). The {@code *JwtOnly} variants replace the Redis store with an
 * in-memory stub, so they show the CPU part alone. Redis is the bench's own redis-server
 * ({@code -Dbench.redis.port}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResetTokensBench {

	private JedisConnectionFactory connections;

	private ResetTokens tokens;

	private ResetTokens tokensNoRedis;

	private UUID account;

	private String token;

	private String tokenNoRedis;

	@Setup(Level.Trial)
	public void setUp() {
		ResetProperties properties = new ResetProperties(Duration.ofMinutes(30), List.of(ServiceTest.SIGNING_KEY),
				new ResetProperties.PerAccountLimit(3, Duration.ofHours(1)),
				new ResetProperties.PerClientLimit(30, Duration.ofMinutes(10)),
				new ResetProperties.LinkCheckLimit(60, Duration.ofMinutes(10)),
				new ResetProperties.PerOperatorLimit(20, Duration.ofHours(1)));
		int port = Integer.getInteger("bench.redis.port", 6379);
		connections = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		connections.afterPropertiesSet();
		connections.start();
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		tokens = new ResetTokens(properties, new RedisResetLinkStore(redis), Clock.systemUTC(), new SimpleMeterRegistry());
		tokensNoRedis = new ResetTokens(properties, new InMemoryStore(), Clock.systemUTC(), new SimpleMeterRegistry());
		account = UUID.randomUUID();
		token = tokens.issue(account, 1).token();
		tokenNoRedis = tokensNoRedis.issue(account, 1).token();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		connections.destroy();
	}

	@Benchmark
	public Object issue() {
		return tokens.issue(UUID.randomUUID(), 1);
	}

	@Benchmark
	public Object check() {
		return tokens.check(token);
	}

	@Benchmark
	public Object issueJwtOnly() {
		return tokensNoRedis.issue(account, 1);
	}

	@Benchmark
	public Object checkJwtOnly() {
		return tokensNoRedis.check(tokenNoRedis);
	}

	/** Always-valid store without Redis: leaves only the token's own CPU work. */
	static final class InMemoryStore implements ResetLinkStore {

		@Override
		public void replace(UUID accountId, String linkHash, Duration ttl) {
		}

		@Override
		public boolean consume(UUID accountId, String linkHash) {
			return true;
		}

		@Override
		public boolean revoke(UUID accountId, String linkHash) {
			return true;
		}

		@Override
		public void revokeAll(UUID accountId) {
		}

		@Override
		public boolean giveBack(UUID accountId, String linkHash, Duration ttl) {
			return true;
		}

		@Override
		public ResetLinkState state(UUID accountId, String linkHash) {
			return ResetLinkState.VALID;
		}

	}

}
