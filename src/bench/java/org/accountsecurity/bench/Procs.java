package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and memory of the processes under test, from {@code /proc}: {@code utime + stime} (fields 14 and 15 of
 * {@code /proc/<pid>/stat}, in clock ticks of 1/100 s) and {@code VmRSS}.
 */
final class Procs {

	static final double TICKS_PER_SECOND = 100.0;

	private Procs() {
	}

	/** utime + stime in ticks, or -1 if the process is gone. */
	static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// f[0] is field 3 (state): utime is field 14, stime field 15
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** CPU ticks of the threads of {@code pid} whose name starts with {@code prefix} (e.g. the JIT's "C2 Compiler"). */
	static long threadTicks(long pid, String prefix) {
		long sum = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path t : (Iterable<Path>) tasks::iterator) {
				try {
					String stat = Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII);
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					if (name.startsWith(prefix)) {
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
				catch (IOException | RuntimeException ex) {
					// thread ended
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return sum;
	}

	/** VmRSS in kB, or -1. */
	static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return -1;
	}

	/**
	 * The PostgreSQL processes that work for the benchmark's database: its backends (their title names the
	 * database) and the server's own helpers (postmaster, WAL writer, checkpointer, background writer, autovacuum,
	 * ...), which other databases' clients may share. Backends of other databases are left out.
	 */
	static Map<Long, Long> postgresTicks(String database) {
		Map<Long, Long> ticks = new HashMap<>();
		try (Stream<Path> all = Files.list(Path.of("/proc"))) {
			all.forEach(p -> {
				String name = p.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					return;
				}
				try {
					String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
						.replace('\0', ' ')
						.trim();
					if (!isOurs(cmd, database)) {
						return;
					}
					long t = cpuTicks(Long.parseLong(name));
					if (t >= 0) {
						ticks.put(Long.parseLong(name), t);
					}
				}
				catch (IOException | RuntimeException ex) {
					// raced with an exit
				}
			});
		}
		catch (IOException ex) {
			// no /proc
		}
		return ticks;
	}

	private static boolean isOurs(String cmd, String database) {
		if (cmd.contains("/bin/postgres ") || cmd.endsWith("/bin/postgres")) {
			return true; // the postmaster
		}
		if (!cmd.startsWith("postgres: ")) {
			return false;
		}
		String title = cmd.substring("postgres: ".length());
		int colon = title.indexOf(": ");
		String rest = colon >= 0 ? title.substring(colon + 2) : title; // after "15/main: "
		String[] words = rest.split(" ");
		boolean helper = rest.startsWith("checkpointer") || rest.startsWith("background writer")
				|| rest.startsWith("walwriter") || rest.startsWith("autovacuum") || rest.startsWith("logical replication")
				|| rest.startsWith("stats") || rest.startsWith("archiver") || rest.startsWith("io worker");
		if (helper) {
			return true;
		}
		// a backend: "<user> <database> <client> <state>"
		return words.length >= 2 && words[1].equals(database);
	}

	/** Sum of ticks used between two snapshots: processes in both count their delta, new ones all they used. */
	static long delta(Map<Long, Long> before, Map<Long, Long> after) {
		long sum = 0;
		for (Map.Entry<Long, Long> e : after.entrySet()) {
			Long b = before.get(e.getKey());
			sum += b == null ? e.getValue() : Math.max(0, e.getValue() - b);
		}
		return sum;
	}

}
