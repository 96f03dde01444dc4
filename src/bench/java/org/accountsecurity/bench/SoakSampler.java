package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One soak sample of the service's footprint: heap after a full GC (jcmd), RSS, threads
 * and open files (/proc), Redis memory and keys (DBSIZE, and per key prefix by SCAN), and
 * the rows of each table when the service runs on PostgreSQL.
 */
final class SoakSampler {

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	private final long pid;

	private final int redisPort;

	private final String jdbcUrl;

	SoakSampler(long pid, int redisPort, String jdbcUrl) {
		this.pid = pid;
		this.redisPort = redisPort;
		this.jdbcUrl = jdbcUrl;
	}

	/** Metric name → value (in the unit its name says). */
	Map<String, Double> sample() throws Exception {
		Map<String, Double> values = new TreeMap<>();
		values.put("heap after GC (MB)", heapAfterGcKb() / 1024.0);
		values.put("RSS (MB)", Procs.rssKb(pid) / 1024.0);
		values.put("threads", (double) statusField("Threads"));
		try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
			values.put("open files", (double) fds.count());
		}
		try (Jedis redis = new Jedis("127.0.0.1", redisPort)) {
			String memory = redis.info("memory");
			Matcher m = Pattern.compile("used_memory:(\\d+)").matcher(memory);
			values.put("redis used_memory (MB)", m.find() ? Long.parseLong(m.group(1)) / 1048576.0 : -1);
			values.put("redis keys (DBSIZE)", (double) redis.dbSize());
			keysByPrefix(redis).forEach((prefix, n) -> values.put("redis keys " + prefix, n));
		}
		if (jdbcUrl != null) {
			tableRows().forEach((table, n) -> values.put("rows " + table, n));
		}
		return values;
	}

	private long heapAfterGcKb() throws IOException, InterruptedException {
		run("jcmd", Long.toString(pid), "GC.run");
		long used = 0;
		for (String line : run("jcmd", Long.toString(pid), "GC.heap_info")) {
			if (line.contains("Metaspace") || line.contains("class space")) {
				continue;
			}
			Matcher m = USED.matcher(line);
			if (m.find() && (line.contains("generation") || line.contains("heap"))) {
				used += Long.parseLong(m.group(1));
			}
		}
		return used;
	}

	private long statusField(String name) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith(name + ":")) {
				return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
			}
		}
		return -1;
	}

	/**
	 * Keys counted by their shape: ids, hash tags and numbers become {@code *}, so
	 * {@code rt:{uuid}:live} and every session are one line each.
	 */
	static Map<String, Double> keysByPrefix(Jedis redis) {
		Map<String, Double> counts = new TreeMap<>();
		ScanParams params = new ScanParams().count(1000);
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = redis.scan(cursor, params);
			for (String key : page.getResult()) {
				counts.merge(shape(key), 1.0, Double::sum);
			}
			cursor = page.getCursor();
		}
		while (!cursor.equals(ScanParams.SCAN_POINTER_START));
		return counts;
	}

	static String shape(String key) {
		List<String> parts = new ArrayList<>();
		for (String part : key.split(":")) {
			boolean id = part.startsWith("{") || part.matches(".*\\d.*") && part.length() > 6 || part.contains("@");
			parts.add(id ? "*" : part);
		}
		return String.join(":", parts);
	}

	private Map<String, Double> tableRows() throws Exception {
		Map<String, Double> rows = new TreeMap<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet r = s.executeQuery("select table_name from information_schema.tables "
					+ "where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
				while (r.next()) {
					tables.add(r.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet r = s.executeQuery("select count(*) from \"" + table + "\"")) {
					r.next();
					rows.put(table, (double) r.getLong(1));
				}
			}
		}
		return rows;
	}

	private static List<String> run(String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
		p.waitFor(60, TimeUnit.SECONDS);
		return out;
	}

}
