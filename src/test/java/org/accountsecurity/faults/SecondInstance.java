package org.accountsecurity.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accountsecurity.AccountSecurityApplication;
import org.awaitility.Awaitility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another instance of the service in a JVM of its own, started on the test's class path
 * with the settings it is given (no profile: production mode), so that a test can kill it
 * with SIGKILL. {@link #main} is that JVM's entry point.
 */
final class SecondInstance implements AutoCloseable {

	private final Process process;

	private final int port;

	private SecondInstance(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * The application as production runs it: the test classes on the class path (the dev
	 * services, test fixtures) are kept out of its component scan.
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(AccountSecurityApplication.class);
		application.addInitializers(context -> context.getBeanFactory()
			.registerSingleton("testClassesExcluded", new TestClassesExcluded()));
		application.run(args);
	}

	static final class TestClassesExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURI().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestClassesExcluded;
		}

		@Override
		public int hashCode() {
			return TestClassesExcluded.class.hashCode();
		}

	}

	/**
	 * Starts the service on {@code port} with {@code settings} and waits until its health
	 * endpoint answers; its output goes to {@code log}.
	 */
	static SecondInstance start(int port, Map<String, String> settings, File log) {
		List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(),
				"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				SecondInstance.class.getName(), "--server.port=" + port));
		settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SecondInstance instance = new SecondInstance(process, port);
		Runtime.getRuntime().addShutdownHook(new Thread(instance::kill));
		HttpClient http = HttpClient.newHttpClient();
		try {
			// The sign-in page, not the health endpoint: its mail check would wait on a
			// silent SMTP relay.
			Awaitility.await("the second instance to start (log: " + log + ")")
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.failFast(() -> !process.isAlive())
				.until(() -> http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200);
		}
		catch (RuntimeException ex) {
			instance.kill();
			throw ex;
		}
		return instance;
	}

	int port() {
		return port;
	}

	/** SIGKILL: no shutdown hook, no stopping of the mail worker. */
	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
	}

}
