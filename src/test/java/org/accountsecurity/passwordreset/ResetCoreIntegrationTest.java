package org.accountsecurity.passwordreset;

import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of the reset core without Spring: one Redis server per class, emptied before each
 * test, and a fresh {@link ResetCore} (its own database) per test.
 */
abstract class ResetCoreIntegrationTest {

	private static TestRedis redis;

	ResetCore core;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void buildCore() {
		redis.flush();
		core = new ResetCore(redis.template());
	}

	@AfterEach
	void closeCore() {
		core.close();
	}

}
