package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service JVM under test, started from the driver so that start-up is timed from the launch. */
final class Service implements AutoCloseable {

	final Process process;

	final int port;

	final long launchedNanos;

	final Path log;

	long healthyNanos = -1;

	private Service(Process process, int port, long launchedNanos, Path log) {
		this.process = process;
		this.port = port;
		this.launchedNanos = launchedNanos;
		this.log = log;
	}

	long pid() {
		return process.pid();
	}

	static Service start(String java, List<String> jvmOptions, String classpath, List<String> args, int port,
			Path log, Path pidFile) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(java);
		cmd.addAll(jvmOptions);
		cmd.add("-cp");
		cmd.add(classpath);
		cmd.add("org.accountsecurity.bench.server.BenchServer");
		cmd.addAll(args);
		// Started in the work folder: ./config/application.yml of the checkout (limits 30 and 3) is not read, so the
		// bench profile's limits hold.
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(log.toAbsolutePath().getParent().toFile());
		pb.environment().remove("APP_RESET_SIGNING_KEYS");
		long launched = System.nanoTime();
		Process p = pb.start();
		Files.writeString(pidFile, Long.toString(p.pid()) + "\n");
		return new Service(p, port, launched, log);
	}

	/**
	 * Starts the service once with {@code spring.context.exit=onRefresh} and {@code -XX:ArchiveClassesAtExit} (or, on
	 * JDK 25, {@code -XX:AOTCacheOutput}): it stops when its context is refreshed and writes the class data sharing
	 * archive (the AOT cache). Returns the seconds it took.
	 */
	static double trainCds(String java, List<String> jvmOptions, String classpath, List<String> args, Path archive,
			boolean aotCache, Path log, Path pidFile) throws IOException, InterruptedException {
		Files.deleteIfExists(archive);
		List<String> jvm = new ArrayList<>(jvmOptions);
		jvm.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
		jvm.add("-Dspring.context.exit=onRefresh");
		long t0 = System.nanoTime();
		try (Service training = start(java, jvm, classpath, args, -1, log, pidFile)) {
			if (!training.process.waitFor(180, TimeUnit.SECONDS)) {
				throw new IOException("the class data sharing training start did not end; see " + log);
			}
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	/** Polls {@code /actuator/health} until it says UP; returns seconds from launch, or -1 on timeout/exit. */
	double awaitHealthy(long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (System.nanoTime() < deadline && process.isAlive()) {
			try (Http http = new Http(port)) {
				Http.Response r = http.get("/actuator/health", null, true);
				if (r.status() == 200 && r.body() != null && r.body().contains("\"status\":\"UP\"")) {
					healthyNanos = System.nanoTime();
					return (healthyNanos - launchedNanos) / 1e9;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		return -1;
	}

	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in (.*)$");

	/** "Started ... in X seconds" from Spring Boot's log, or null. */
	String reportedStartup() {
		try {
			for (String line : Files.readAllLines(log)) {
				Matcher m = STARTED.matcher(line);
				if (m.find()) {
					return m.group(1);
				}
			}
		}
		catch (IOException ex) {
			// none
		}
		return null;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	static int freePort() throws IOException {
		try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return s.getLocalPort();
		}
	}

}
