package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lines above the table: machine, JDK, service settings, accounts and load generator.
 */
final class RunHeader {

	private RunHeader() {
	}

	static void write(Run run, String db) throws IOException {
		String cpu = "unknown";
		for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
			if (line.startsWith("model name")) {
				cpu = line.substring(line.indexOf(':') + 1).trim();
				break;
			}
		}
		String mem = "?";
		for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
			if (line.startsWith("MemTotal")) {
				mem = String.format(Locale.ROOT, "%.1f GiB",
						Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
			}
		}
		String load = Files.readString(Path.of("/proc/loadavg")).trim();
		String jvmOptions = run.get("service-jvm-options", "");
		String serviceArgs = run.get("service-args", "");
		var header = run.report.header;
		header.add("# make bench — " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		header.add("");
		header.add("- Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + cpu + ", " + mem
				+ " RAM; kernel " + System.getProperty("os.version") + "; load average at start: " + load);
		header.add("- JDK of the service: " + run.get("java-description", "?") + "; of the driver: "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ "; service JVM options: `" + (jvmOptions.isBlank() ? "(none: JVM defaults)" : jvmOptions) + "`"
				+ ("true".equals(run.get("cds")) ? (ServiceLauncher.aotCache(run)
						? " + the AOT cache (JDK 25, JEP 483/514/515: classes loaded and linked, method profiles; "
								+ "written by a training start)"
						: " + class data sharing (an archive from a training start)") : "")
				+ (serviceArgs.isBlank() ? ""
						: "; extra service settings: `" + ServiceLauncher.redacted(serviceArgs) + "`"));
		header.add("- Service: production mode + profile `bench` (rate limits raised to 10^9 per window; "
				+ "nothing else changed), Tomcat defaults, BCrypt cost " + run.bcryptCost + "; database "
				+ (db == null ? "H2" : "PostgreSQL (machine's server, fresh database `" + db + "`, dropped afterwards)")
				+ "; Redis: own `redis-server` (" + run.get("redis-version", "?") + ", no persistence) on port "
				+ run.get("redis-port") + "; SMTP: the driver's in-process sink (answers at once, no greeting delay) "
				+ "for every figure.");
		header.add("- Accounts: " + Requests.ACCOUNTS + " seeded through `POST /bench/seed` with one BCrypt-cost-"
				+ run.bcryptCost
				+ " hash made once and shared, so seeding costs one BCrypt run; no audit rows for them.");
		header.add("- Load generator: the driver's own blocking HTTP/1.1 client (keep-alive, one connection per "
				+ "client) in a separate JVM on the same 2 CPUs; every form iteration is a new visitor (no cookie), "
				+ "half existing and half unknown addresses. Scale factor of durations: " + run.scale + ".");
	}

}
