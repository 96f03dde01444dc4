package org.accountsecurity.bench.server;

import java.io.IOException;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.accountsecurity.AccountSecurityApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The service as {@code make bench} runs it: production mode (no {@code local} profile, no embedded servers) plus
 * the profile {@code bench}, which raises the rate limits and adds {@link BenchConfiguration} (a bare endpoint for
 * the framework floor and an account seeder). Redis, PostgreSQL and the SMTP sink are separate processes (or the
 * driver's JVM), so each one's CPU can be measured on its own.
 */
public final class BenchServer {

	private BenchServer() {
	}

	// The keys production requires: made in-process when not given, so none is on a command line.
	private static final List<String> KEYS = List.of("app.reset.signing-keys", "app.second-factor.encryption-key",
			"app.device.signing-keys");

	public static void main(String[] args) {
		String[] all = args;
		for (String key : KEYS) {
			String env = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
			if (System.getenv(env) == null && System.getProperty(key) == null
					&& Arrays.stream(all).noneMatch(a -> a.startsWith("--" + key + "="))) {
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				all = Arrays.copyOf(all, all.length + 1);
				all[all.length - 1] = "--" + key + "=bench:" + Base64.getEncoder().encodeToString(secret);
			}
		}
		SpringApplication application = new SpringApplication(AccountSecurityApplication.class, BenchConfiguration.class);
		application.setAdditionalProfiles("bench");
		application.addInitializers(
				context -> context.getBeanFactory().registerSingleton("benchScanFilter", new BenchScanFilter()));
		String steps = System.getProperty("bench.startup-steps");
		if (steps != null) {
			application.setApplicationStartup(new BufferingApplicationStartup(50_000));
		}
		ConfigurableApplicationContext context = application.run(all);
		if (steps != null) {
			StartupSteps.write(context.getBean(BufferingApplicationStartup.class), Path.of(steps));
		}
	}

	/**
	 * Keeps component scanning to the application's own classes: the bench classes come in through
	 * {@link BenchConfiguration} only, and nothing from the test sources (the dev services) is picked up.
	 */
	static final class BenchScanFilter extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			if (reader.getClassMetadata().getClassName().startsWith("org.accountsecurity.bench.")) {
				return true;
			}
			return reader.getResource().getDescription().contains("test-classes");
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
