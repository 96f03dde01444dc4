package org.accountsecurity.dev;

import java.io.File;
import java.io.IOException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The embedded dev services of local mode and of the tests: a real Redis server (the
 * machine's own {@code redis-server} when it has one, else the binary shipped in the
 * embedded-redis artifact) and GreenMail (SMTP and IMAP). Ports come from the
 * environment, so tests can pick free ones.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ DemoAccounts.class, DevMailController.class })
public class DevServices {

	private static final File SYSTEM_REDIS = new File("/usr/bin/redis-server");

	/**
	 * The Redis client (and Spring Session's start-up CONFIG call) must wait until the
	 * server runs.
	 */
	@Bean
	static BeanFactoryPostProcessor redisAfterEmbeddedServer() {
		return factory -> {
			if (factory.containsBeanDefinition("redisConnectionFactory")) {
				factory.getBeanDefinition("redisConnectionFactory").setDependsOn("embeddedRedis", "greenMail");
			}
		};
	}

	@Bean(destroyMethod = "stop")
	RedisServer embeddedRedis(Environment env) throws IOException {
		// A test may put a proxy between the service and the server (support/TcpRelay).
		int port = env.getProperty("app.dev.redis-server-port", Integer.class,
				env.getRequiredProperty("spring.data.redis.port", Integer.class));
		var builder = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no");
		if (SYSTEM_REDIS.canExecute()) {
			builder.executableProvider(() -> SYSTEM_REDIS);
		}
		RedisServer server = builder.build();
		server.start();
		return server;
	}

	@Bean(destroyMethod = "stop")
	GreenMail greenMail(Environment env) {
		// A test may put a relay between the service and the SMTP server
		// (support/TcpRelay).
		int smtp = env.getProperty("app.dev.smtp-server-port", Integer.class,
				env.getRequiredProperty("spring.mail.port", Integer.class));
		int imap = env.getRequiredProperty("app.dev.imap-port", Integer.class);
		GreenMail mail = new GreenMail(
				new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
						new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		mail.start();
		return mail;
	}

}
