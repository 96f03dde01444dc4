package org.accountsecurity.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.bench.server.SeedController;
import org.accountsecurity.support.Mailbox;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * {@code make bench}'s driver: starts the service (production mode + profile {@code bench}) against the given
 * PostgreSQL database, redis-server and its own in-process SMTP sink, runs every measurement of issue 5 and writes
 * the table. Settings are system properties {@code bench.*} (see scripts/bench.sh).
 */
public final class BenchDriver {

	// Account pools (indices of bench-NNNNNN@bench.example.com)
	static final int POOL_A = 10_000; // mixed loads and the timing gap

	static final int POOL_L = 10_000; // link opens: 200

	static final int POOL_C = 10_200; // password changes: 300

	static final int POOL_M = 10_500; // mail latency: up to 2,000

	static final int ACCOUNTS = 12_600;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");


	private final Map<String, String> cfg;

	private final double scale;

	private final long deadlineNanos;

	private final Report report = new Report();

	private final SmtpSink sink;

	private final String runId = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong unknownSeq = new AtomicLong();

	private final AtomicInteger existingSeq = new AtomicInteger();

	private final int bcryptCost;

	/** Whether the service records with JFR ({@code bench.jfr}). */
	private final boolean jfr;

	/** Logs, recordings and the report ({@code bench.work}). */
	private final Path work;

	private Service service;

	private CpuMeter meter;

	private Jedis redis;

	private BenchDriver(Map<String, String> cfg) throws IOException {
		this.cfg = cfg;
		this.scale = Double.parseDouble(cfg.getOrDefault("scale", "1"));
		this.deadlineNanos = System.nanoTime()
				+ TimeUnit.SECONDS.toNanos(Long.parseLong(cfg.getOrDefault("budget-seconds", "660")));
		this.bcryptCost = Integer.parseInt(cfg.getOrDefault("bcrypt-cost", "12"));
		this.jfr = "true".equals(cfg.get("jfr"));
		this.work = Path.of(cfg.getOrDefault("work", "target-bench/bench-run"));
		this.sink = new SmtpSink();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> cfg = new LinkedHashMap<>();
		System.getProperties().forEach((k, v) -> {
			if (k.toString().startsWith("bench.")) {
				cfg.put(k.toString().substring(6), v.toString());
			}
		});
		for (String a : args) {
			if (a.startsWith("--") && a.contains("=")) {
				cfg.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
			}
		}
		BenchDriver driver = new BenchDriver(cfg);
		// the service is the driver's child: never leave it running
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Service s = driver.service;
			if (s != null && s.process.isAlive()) {
				s.process.destroyForcibly();
			}
		}));
		int code;
		try {
			code = driver.run();
		}
		finally {
			driver.sink.close();
		}
		System.exit(code);
	}

	private static void log(String fmt, Object... args) {
		System.err.printf(Locale.ROOT, "[driver %tT] %s%n", System.currentTimeMillis(),
				String.format(Locale.ROOT, fmt, args));
	}

	private long ms(long millis) {
		return Math.max(500, (long) (millis * scale));
	}

	private boolean timeLeft(long seconds) {
		return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) < deadlineNanos;
	}

	// ------------------------------------------------------------------------------------------------ the run

	private int run() throws Exception {
		Files.createDirectories(work);
		int redisPort = Integer.parseInt(cfg.get("redis-port"));
		long redisPid = Long.parseLong(cfg.getOrDefault("redis-pid", "-1"));
		String db = cfg.get("pg-database");
		if (db != null && db.isBlank()) {
			db = null;
		}
		redis = new Jedis("127.0.0.1", redisPort);
		header(db);

		boolean pg = db != null;
		String dbLabel = pg ? "PostgreSQL" : "H2";
		log("SMTP sink on 127.0.0.1:%d; starting the service (%s)", sink.port(), dbLabel);
		if (!startService(db, "main")) {
			return 3;
		}
		meter = new CpuMeter(service.pid(), redisPid, db);
		try {
			footprintStart();
			if ("startup".equals(cfg.getOrDefault("phases", "all"))) {
				return finish();
			}
			seed();
			warmUp();
			if (phase("throughput")) {
				Map<String, Load.Result> max = throughput("", true);
				if (phase("half") && !max.containsValue(null)) {
					halfRate(max, "");
				}
			}
			if (phase("timing")) {
				timingGap("");
			}
			if (phase("link")) {
				linkOpen();
			}
			if (phase("change")) {
				passwordChange();
			}
			if (phase("mail")) {
				mailLatency();
			}
			footprintAfterLoad();
			if (phase("redis")) {
				redisMemory();
			}
		}
		finally {
			service.close();
		}
		if (pg && !"false".equals(cfg.get("h2")) && timeLeft(150)) {
			log("second column: the same service on H2 (in-memory)");
			redis.flushAll();
			if (startService(null, "h2")) {
				meter = new CpuMeter(service.pid(), redisPid, null);
				try {
					seed();
					warmUp();
					throughput(" (H2)", false);
					timingGap(" (H2)");
				}
				finally {
					service.close();
				}
			}
		}
		else if (pg) {
			report.notes.add("The H2 column was skipped (bench.h2=false or not enough time left in the budget).");
		}
		return finish();
	}

	private int finish() throws IOException {
		jmh();
		report.header.add("");
		report.header.add(String.format(Locale.ROOT, "Driver wall time: %.0f s.",
				(System.nanoTime() - startNanos) / 1e9));
		String md = report.markdown();
		Path out = Path.of(cfg.getOrDefault("out", work.resolve("results.md").toString()));
		Files.writeString(out, md);
		log("wrote %s", out);
		return 0;
	}

	private final long startNanos = System.nanoTime();

	/** Seconds a phase needs at scale 1 (drains of the mail outbox included), for the time budget. */
	private static final Map<String, Integer> NEEDS = Map.of("throughput", 220, "half", 70, "timing", 35, "link", 25,
			"change", 70, "mail", 45, "redis", 25);

	/**
	 * Whether a phase is selected ({@code bench.phases}, comma-separated; default all) and fits in the time left;
	 * a phase that does not fit is skipped with a note, so the table is always written.
	 */
	private boolean phase(String name) {
		String phases = cfg.getOrDefault("phases", "all");
		if (!"all".equals(phases) && !Arrays.asList(phases.split(",")).contains(name)) {
			return false;
		}
		long need = (long) (NEEDS.getOrDefault(name, 30) * Math.min(1, scale) + 5);
		if (!timeLeft(need)) {
			report.notes.add("Skipped the phase \"" + name + "\": not enough time left in the budget.");
			log("skipping %s: not enough time left", name);
			return false;
		}
		return true;
	}

	private boolean startService(String pgDatabase, String label) throws Exception {
		int port = Service.freePort();
		List<String> jvm = new ArrayList<>(split(cfg.getOrDefault("service-jvm-options", "")));
		if (jfr && "main".equals(label)) {
			// one recording from the start (starting one later deoptimises compiled code); each closed-loop phase's
			// window is dumped with jcmd JFR.dump begin/end (see closedPhase)
			jvm.add("-XX:StartFlightRecording=name=bench,settings=profile,method-profiling=max,disk=true,maxage=30m");
			jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
		}
		// No signing key here: BenchServer makes one in-process, so it is on no command line, in no JFR recording
		// and in no report.
		List<String> args = new ArrayList<>(List.of("--server.port=" + port,
				"--app.public-base-url=http://127.0.0.1:" + port, "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + cfg.get("redis-port"), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + sink.port(), "--app.password.bcrypt-cost=" + bcryptCost));
		if (pgDatabase != null) {
			args.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + cfg.getOrDefault("pg-port", "5432") + "/"
					+ pgDatabase);
			args.add("--spring.datasource.username=" + cfg.getOrDefault("pg-user", "postgres"));
			args.add("--spring.datasource.password=");
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			args.add("--spring.datasource.username=sa");
			args.add("--spring.datasource.password=");
		}
		String extra = cfg.getOrDefault("service-args", "").trim();
		if (!extra.isEmpty()) {
			args.addAll(Arrays.asList(extra.split("\\s+(?=--)"))); // values may hold spaces
		}
		String cp = Files.readString(Path.of(cfg.get("service-classpath-file"))).trim();
		if ("true".equals(cfg.get("cds"))) {
			// Class data sharing as README's production section does it: one training start that stops after the
			// context refresh and writes the archive, then every start maps it. Not timed.
			Path archive = work.resolve("service-" + label + ".jsa");
			double trained = Service.trainCds(cfg.getOrDefault("java", "java"), jvm, cp, args, archive,
					work.resolve("service-" + label + "-cds-training.log"), work.resolve("service.pid"));
			log("class data sharing: training start took %.1f s, archive %s (%d MB)", trained, archive.getFileName(),
					Files.exists(archive) ? Files.size(archive) >> 20 : 0);
			if (Files.exists(archive)) {
				jvm.add("-XX:SharedArchiveFile=" + archive);
			}
		}
		service = Service.start(cfg.getOrDefault("java", "java"), jvm, cp, args, port,
				work.resolve("service-" + label + ".log"), work.resolve("service.pid"));
		double up = service.awaitHealthy(90_000);
		if (up < 0) {
			log("the service did not become healthy; log tail:%n%s", service.logTail(40));
			service.close();
			return false;
		}
		log("service %s healthy after %.2f s (pid %d, port %d)", label, up, service.pid(), port);
		if ("main".equals(label)) {
			report.details.add(String.format(Locale.ROOT, "- Service command: `java %s -cp <runtime classpath + bench "
					+ "classes> org.accountsecurity.bench.server.BenchServer %s`", String.join(" ", jvm),
					redacted(String.join(" ", args))));
		}
		else {
			report.section("H2 instead of PostgreSQL (second column, where it differs)");
			report.row("Start-up to healthy (H2)", Report.f2(up) + " s", "PostgreSQL run above", "≤ 3.5 s", up <= 3.5);
		}
		return true;
	}

	// ------------------------------------------------------------------------------------------------ header

	/** Settings as the report shows them: keys and passwords given through BENCH_SERVICE_ARGS are masked. */
	static String redacted(String settings) {
		return settings.replaceAll("((?:signing-keys|pseudonym-key|password)=)\\S+", "$1<redacted>");
	}

	private void header(String db) throws IOException {
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
		report.header.add("# make bench — " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		report.header.add("");
		report.header.add("- Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + cpu + ", "
				+ mem + " RAM; kernel " + System.getProperty("os.version") + "; load average at start: " + load);
		report.header.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ " (driver and service); service JVM options: `"
				+ (cfg.getOrDefault("service-jvm-options", "").isBlank() ? "(none: JVM defaults)"
						: cfg.get("service-jvm-options"))
				+ "`" + ("true".equals(cfg.get("cds")) ? " + class data sharing (an archive from a training start)" : "")
				+ (cfg.getOrDefault("service-args", "").isBlank() ? ""
						: "; extra service settings: `" + redacted(cfg.get("service-args")) + "`"));
		report.header.add("- Service: production mode + profile `bench` (rate limits raised to 10^9 per window; "
				+ "nothing else changed), Tomcat defaults, BCrypt cost " + bcryptCost + "; database "
				+ (db == null ? "H2" : "PostgreSQL (machine's server, fresh database `" + db + "`, dropped afterwards)")
				+ "; Redis: own `redis-server` (" + cfg.getOrDefault("redis-version", "?") + ", no persistence) on port "
				+ cfg.get("redis-port") + "; SMTP: the driver's in-process sink (answers at once, no greeting delay) "
				+ "for every figure.");
		report.header.add("- Accounts: " + ACCOUNTS + " seeded through `POST /bench/seed` with one BCrypt-cost-"
				+ bcryptCost + " hash made once and shared, so seeding costs one BCrypt run; no audit rows for them.");
		report.header.add("- Load generator: the driver's own blocking HTTP/1.1 client (keep-alive, one connection per "
				+ "client) in a separate JVM on the same 2 CPUs; every form iteration is a new visitor (no cookie), "
				+ "half existing and half unknown addresses. Scale factor of durations: " + scale + ".");
	}

	// ------------------------------------------------------------------------------------------------ footprint

	private double rssIdleMb;

	private void footprintStart() throws Exception {
		double up = (service.healthyNanos - service.launchedNanos) / 1e9;
		Thread.sleep(3000);
		rssIdleMb = Procs.rssKb(service.pid()) / 1024.0;
		report.section("Footprint");
		report.row("Start-up: launch → /actuator/health UP", Report.f2(up) + " s",
				"Keycloak 15 s; Boot says " + service.reportedStartup(), "≤ 3.5 s", up <= 3.5);
		report.row("RSS idle (3 s after healthy)", Report.f0(rssIdleMb) + " MB", "Keycloak 474 MB", "≤ 270 MB",
				rssIdleMb <= 270);
	}

	private void footprintAfterLoad() {
		double rss = Procs.rssKb(service.pid()) / 1024.0;
		report.row("RSS after the load", Report.f0(rss) + " MB", "Keycloak 683–950 MB; idle was " + Report.f0(rssIdleMb),
				"≤ 400 MB", rss <= 400);
	}

	// ------------------------------------------------------------------------------------------------ seeding

	private void seed() throws Exception {
		try (Http http = new Http(service.port)) {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/bench/seed?from=0&count=" + ACCOUNTS, null, "application/json", "", true);
			if (r.status() != 200) {
				throw new IllegalStateException("seeding failed: " + r.status() + " " + r.body());
			}
			log("seeded %d accounts in %.1f s", ACCOUNTS, (System.nanoTime() - t0) / 1e9);
		}
	}

	// ------------------------------------------------------------------------------------------------ tasks

	static String email(int i) {
		return SeedController.email(i);
	}

	private String unknownEmail() {
		return "nobody-" + runId + "-" + unknownSeq.incrementAndGet() + "@nowhere.example.com";
	}

	private String existingFromPoolA() {
		return email(Math.floorMod(existingSeq.getAndIncrement(), POOL_A));
	}

	/** Half existing, half unknown, by the request's sequence number. */
	private String mixed(long seq) {
		return seq % 2 == 0 ? existingFromPoolA() : unknownEmail();
	}

	private static String json(String email) {
		return "{\"email\":\"" + email + "\"}";
	}

	/** A new visitor: GET the form (new session and CSRF token), then POST it. */
	private Load.Task formTask(java.util.function.LongFunction<String> emails) {
		return (http, rec, seq) -> {
			String email = emails.apply(seq);
			return formOnce(http, rec, email) >= 0;
		};
	}

	/** Returns the POST's latency in ns, or -1 if an answer was wrong. */
	static long formOnce(Http http, Load.Recorder rec, String email) throws IOException {
		long g0 = System.nanoTime();
		Http.Response form = http.get("/password/forgot", null, true);
		long g1 = System.nanoTime();
		if (rec != null) {
			rec.record("get", g1 - g0);
		}
		if (!Load.expect("GET /password/forgot", form, 200)) {
			return -1;
		}
		Matcher m = CSRF.matcher(form.body());
		if (!m.find()) {
			return -1;
		}
		String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		long p0 = System.nanoTime();
		Http.Response r = http.post("/password/forgot", form.setCookie(), "application/x-www-form-urlencoded", body,
				true);
		long p1 = System.nanoTime();
		if (rec != null) {
			rec.record("post", p1 - p0);
		}
		return Load.expect("POST /password/forgot", r, 200) ? p1 - p0 : -1;
	}

	private Load.Task apiTask(java.util.function.LongFunction<String> emails) {
		return (http, rec, seq) -> {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets", null, "application/json", json(emails.apply(seq)),
					true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("POST /api/v1/password-resets", r, 202);
		};
	}

	private Load.Task bareTask() {
		return (http, rec, seq) -> {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/bench/bare", null, "application/json",
					json(seq % 2 == 0 ? email((int) (seq % POOL_A)) : "nobody-" + seq + "@nowhere.example.com"), true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("POST /bench/bare", r, 202);
		};
	}

	// ------------------------------------------------------------------------------------------------ outbox

	private long outboxDepth() {
		try {
			return redis.xlen("{outbox}:mail") + redis.zcard("{outbox}:retry");
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/** Waits until the mail outbox is empty; returns the CPU used meanwhile (null if it took too long). */
	private Load.Usage drain(long maxMillis) throws InterruptedException {
		Object started = meter.start();
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(maxMillis);
		long last = -2;
		long lastChange = t0;
		while (System.nanoTime() < deadline) {
			long d = outboxDepth();
			if (d == 0) {
				return meter.stop(started, (System.nanoTime() - t0) / 1e9);
			}
			if (d != last) {
				last = d;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(5)) {
				break; // nobody works on it (app.mail.worker-enabled=false?)
			}
			Thread.sleep(100);
		}
		Load.Usage u = meter.stop(started, (System.nanoTime() - t0) / 1e9);
		log("outbox still holds %d after %d ms", outboxDepth(), maxMillis);
		return new Load.Usage(-u.seconds(), u.service(), u.redis(), u.postgres(), u.driver(), u.machine(), u.jit());
	}

	// ------------------------------------------------------------------------------------------------ warm-up

	/**
	 * Warms the JIT up: rounds of form, API and bare load until the JIT compiler threads use less than 0.15 of a core
	 * over a round (at least 2 rounds, at most {@code bench.warmup-max-seconds}), then empties the outbox.
	 */
	private void warmUp() throws Exception {
		long max = (long) (Long.parseLong(cfg.getOrDefault("warmup-max-seconds", "60")) * 1000 * Math.min(1, scale * 2));
		long t0 = System.nanoTime();
		int rounds = 0;
		double jit = Double.NaN;
		while (true) {
			long c0 = Procs.threadTicks(service.pid(), "C2 Compiler") + Procs.threadTicks(service.pid(), "C1 Compiler");
			long r0 = System.nanoTime();
			Load.closed("warm-form", service.port, 8, 0, ms(4000), Long.MAX_VALUE, formTask(this::mixed), null);
			Load.closed("warm-api", service.port, 8, 0, ms(3000), Long.MAX_VALUE, apiTask(this::mixed), null);
			Load.closed("warm-bare", service.port, 8, 0, ms(2000), Long.MAX_VALUE, bareTask(), null);
			long c1 = Procs.threadTicks(service.pid(), "C2 Compiler") + Procs.threadTicks(service.pid(), "C1 Compiler");
			jit = (c1 - c0) / Procs.TICKS_PER_SECOND / ((System.nanoTime() - r0) / 1e9);
			rounds++;
			log("warm-up round %d: JIT compiler threads used %.2f cores", rounds, jit);
			drain(60_000);
			if (rounds >= 2 && jit < 0.15 || (System.nanoTime() - t0) / 1e6 > max) {
				break;
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		log("warm-up done after %d rounds, %.0f s", rounds, seconds);
		report.details.add(String.format(Locale.ROOT, "- Warm-up: %d rounds of form/API/bare load in %.0f s; the JIT "
				+ "compiler threads used %.2f cores in the last round.", rounds, seconds, jit));
	}

	// ------------------------------------------------------------------------------------------------ (1) throughput

	private Map<String, Load.Result> throughput(String suffix, boolean full) throws Exception {
		Map<String, Load.Result> max = new LinkedHashMap<>();
		int[] clientCounts = full ? new int[] { 8, 64 } : new int[] { 8 };
		List<String> kinds = Arrays.asList(cfg.getOrDefault("kinds", "bare,api,form").split(","));
		for (int clients : clientCounts) {
			max.put("bare" + clients, kinds.contains("bare") ? closedPhase("bare", clients, bareTask(), false) : null);
			max.put("api" + clients,
					kinds.contains("api") ? closedPhase("api", clients, apiTask(this::mixed), true) : null);
			max.put("form" + clients,
					kinds.contains("form") ? closedPhase("form", clients, formTask(this::mixed), true) : null);
		}
		if (!kinds.containsAll(List.of("bare", "api", "form"))) {
			return max; // a profiling run: no table rows
		}
		report.section("Forgot password: maximum throughput (closed loop)" + suffix);
		for (int clients : clientCounts) {
			Load.Result form = max.get("form" + clients);
			Load.Result api = max.get("api" + clients);
			Load.Result bare = max.get("bare" + clients);
			report.row("Form (GET + POST), " + clients + " clients: POST/s" + suffix, Report.f0(form.rate()),
					String.format(Locale.ROOT, "Keycloak 239 → ×%.1f", form.rate() / 239), "≥ 1,200", form.rate() >= 1200);
			double perCpu = form.ops() / form.usage().total();
			double perCpuDrain = lastDrain.containsKey(form)
					? form.ops() / (form.usage().total() + lastDrain.get(form).total()) : Double.NaN;
			report.row("Form, " + clients + " clients: POSTs per CPU-second (service+Redis+PostgreSQL)" + suffix,
					Report.f0(perCpu) + " (" + Report.f0(perCpuDrain) + " incl. sending the mails)",
					String.format(Locale.ROOT, "Keycloak 134 → ×%.1f; cores: service %.2f, Redis %.2f, PG %.2f", perCpu / 134,
							form.usage().service() / form.seconds(), form.usage().redis() / form.seconds(),
							form.usage().postgres() / form.seconds()),
					"≥ 670", clients == 8 ? perCpu >= 670 : null);
			double ratio = api.rate() / bare.rate();
			report.row("JSON API, " + clients + " clients: req/s" + suffix, Report.f0(api.rate()),
					String.format(Locale.ROOT, "bare endpoint %s req/s → %.0f %%", Report.f0(bare.rate()), ratio * 100),
					"≥ 50 % of bare", ratio >= 0.5);
			report.details.add(detail(form));
			report.details.add(detail(api));
			report.details.add(detail(bare));
		}
		return max;
	}

	private Load.Result closedPhase(String kind, int clients, Load.Task task, boolean mails) throws Exception {
		log("closed loop %s, %d clients", kind, clients);
		java.time.Instant begin = java.time.Instant.now().plusMillis(ms(2000));
		Load.Result r = Load.closed(kind, service.port, clients, ms(2000), ms(10_000), Long.MAX_VALUE, task, meter);
		dumpJfr(kind + clients, begin, begin.plusMillis((long) (r.seconds() * 1000)));
		log("  %s x%d: %.0f/s, errors %d, cores service %.2f (JIT %.2f) redis %.2f pg %.2f driver %.2f other %.2f", kind,
				clients, r.rate(), r.errors(), r.usage().service() / r.seconds(), r.usage().jit() / r.seconds(),
				r.usage().redis() / r.seconds(), r.usage().postgres() / r.seconds(), r.usage().driver() / r.seconds(),
				r.usage().foreign() / r.seconds());
		if (mails) {
			Load.Usage d = drain(90_000);
			log("  outbox drained in %.1f s (cpu %.2f s)", d.seconds(), d.total());
			lastDrain.put(r, d);
		}
		return r;
	}

	/**
	 * With {@code bench.jfr}: dumps the service's recording of [begin, end] to {@code jfr-<name>.jfr}, and the window
	 * beside it ({@code .window}), as a dump holds whole chunks and JfrTop cuts the events to the window.
	 */
	private void dumpJfr(String name, java.time.Instant begin, java.time.Instant end) throws IOException {
		if (!jfr) {
			return;
		}
		Path recording = work.resolve("jfr-" + name + ".jfr").toAbsolutePath();
		jcmd("JFR.dump", "name=bench", "filename=" + recording, "begin=" + begin, "end=" + end);
		Files.writeString(work.resolve("jfr-" + name + ".window"),
				begin.toEpochMilli() + " " + end.toEpochMilli() + "\n");
		log("  JFR recording of the window: %s", recording);
	}

	private void jcmd(String... command) {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(service.pid())));
		cmd.addAll(List.of(command));
		try {
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			p.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			log("jcmd failed: %s", ex);
		}
	}

	private final Map<Load.Result, Load.Usage> lastDrain = new java.util.IdentityHashMap<>();

	private String detail(Load.Result r) {
		long[] post = r.latencies("post");
		long[] get = r.latencies("get");
		Load.Usage u = r.usage();
		Load.Usage d = lastDrain.get(r);
		return String.format(Locale.ROOT,
				"- %s, %d clients: %.0f ops/s over %.1f s, %d errors; POST p50 %s p99 %s%s; CPU cores: service %.2f "
						+ "(of which JIT compiler %.2f), Redis %.2f, PostgreSQL %.2f, driver %.2f, other processes %.2f%s",
				r.name(), r.clients(), r.rate(), r.seconds(), r.errors(), Report.ms(Stats.percentile(post, 50)),
				Report.ms(Stats.percentile(post, 99)),
				get.length > 0 ? "; GET p50 " + Report.ms(Stats.percentile(get, 50)) + " p99 "
						+ Report.ms(Stats.percentile(get, 99)) : "",
				u.service() / u.seconds(), u.jit() / u.seconds(), u.redis() / u.seconds(), u.postgres() / u.seconds(),
				u.driver() / u.seconds(), u.foreign() / u.seconds(),
				d == null ? "" : String.format(Locale.ROOT, "; then the mail worker needed %.1f s%s and %.1f CPU-s "
						+ "to empty the outbox", Math.abs(d.seconds()), d.seconds() < 0 ? " (not empty yet)" : "",
						d.total()));
	}

	// ------------------------------------------------------------------------------------------------ half rate

	private void halfRate(Map<String, Load.Result> max, String suffix) throws Exception {
		report.section("Forgot password: latency at half the maximum rate (open loop)" + suffix);
		for (String kind : List.of("bare", "api", "form")) {
			double best = Math.max(max.get(kind + "8").rate(), max.containsKey(kind + "64") ? max.get(kind + "64").rate() : 0);
			double rate = Math.max(1, best / 2);
			Load.Task task = switch (kind) {
				case "bare" -> bareTask();
				case "api" -> apiTask(this::mixed);
				default -> formTask(this::mixed);
			};
			log("open loop %s at %.0f/s", kind, rate);
			Load.Result r = Load.open(kind + "-half", service.port, rate, ms(10_000), 32, task, meter);
			if (!"bare".equals(kind)) {
				Load.Usage d = drain(90_000);
				lastDrain.put(r, d);
			}
			long[] post = r.latencies("post");
			long[] sched = r.latencies("sched");
			double p99 = Stats.percentile(post, 99);
			String label = switch (kind) {
				case "bare" -> "Bare endpoint (POST /bench/bare)";
				case "api" -> "JSON API (POST /api/v1/password-resets)";
				default -> "Form POST /password/forgot (after its GET)";
			};
			report.row(label + " at " + Report.f0(rate) + "/s: p50 / p99" + suffix,
					Report.ms(Stats.percentile(post, 50)) + " / " + Report.ms(p99),
					("form".equals(kind) ? "Keycloak p99 81 ms; " : "") + "from schedule: p99 "
							+ Report.ms(Stats.percentile(sched, 99)) + ", errors " + r.errors(),
					"bare".equals(kind) ? "" : "p99 < 10 ms", "bare".equals(kind) ? null : p99 < 10e6);
			report.details.add(detail(r));
		}
	}

	// ------------------------------------------------------------------------------------------------ (2) timing

	private void timingGap(String suffix) throws Exception {
		int n = (int) Math.max(300, Integer.parseInt(cfg.getOrDefault("timing-per-class", "1000")) * Math.min(1, scale));
		report.section("Timing gap: existing vs unknown address (sequential, interleaved, " + n + " per class)" + suffix);
		for (String kind : List.of("form", "api")) {
			List<Boolean> order = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				order.add(true);
				order.add(false);
			}
			Collections.shuffle(order, new Random(42));
			long[] existing = new long[n];
			long[] unknown = new long[n];
			int e = 0;
			int u = 0;
			int errors = 0;
			log("timing gap %s: %d requests", kind, order.size());
			try (Http http = new Http(service.port)) {
				// a few untimed rounds first
				for (int i = 0; i < 50; i++) {
					send(kind, http, i % 2 == 0 ? existingFromPoolA() : unknownEmail());
				}
				for (boolean exists : order) {
					long t = send(kind, http, exists ? existingFromPoolA() : unknownEmail());
					if (t < 0) {
						errors++;
						continue;
					}
					if (exists) {
						existing[e++] = t;
					}
					else {
						unknown[u++] = t;
					}
				}
			}
			existing = Arrays.copyOf(existing, e);
			unknown = Arrays.copyOf(unknown, u);
			long[] es = Stats.sorted(existing);
			long[] us = Stats.sorted(unknown);
			double me = Stats.median(es);
			double mu = Stats.median(us);
			Stats.MannWhitney mw = Stats.mannWhitney(existing, unknown);
			Stats.Threshold th = Stats.bestThreshold(existing, unknown);
			double cv = Stats.crossValidated(existing, unknown);
			String what = "form".equals(kind) ? "Form POST" : "JSON API POST";
			double delta = me - mu;
			report.row(what + ": median existing / unknown (Δ)" + suffix,
					Report.ms(me) + " / " + Report.ms(mu) + " (Δ " + String.format(Locale.ROOT, "%+.3f ms", delta / 1e6)
							+ ")",
					"form".equals(kind) ? "Keycloak 7.1 / 2.7 ms (Δ 4.4 ms)" : "", "|Δ median| < 0.5 ms",
					Math.abs(delta) < 0.5e6);
			report.row(what + ": p90 existing / unknown (Δ)" + suffix,
					Report.ms(Stats.percentile(es, 90)) + " / " + Report.ms(Stats.percentile(us, 90)) + " (Δ "
							+ String.format(Locale.ROOT, "%+.3f ms",
									(Stats.percentile(es, 90) - Stats.percentile(us, 90)) / 1e6)
							+ ")",
					"", "", null);
			report.row(what + ": Mann–Whitney U p-value" + suffix, Report.p(mw.p()),
					String.format(Locale.ROOT, "U = %.0f, z = %.2f", mw.u(), mw.z()), "p > 0.01", mw.p() > 0.01);
			report.row(what + ": best threshold classifier accuracy" + suffix, Report.pct(th.accuracy()),
					String.format(Locale.ROOT, "%sKeycloak 94 %%; cut %s (%s = exists); 2-fold cross-validated %s",
							"", Report.ms(th.cut()), th.existingSlower() ? "slower" : "faster", Report.pct(cv)),
					"≤ 55 %", th.accuracy() <= 0.55);
			if (errors > 0) {
				report.notes.add(what + " timing run" + suffix + ": " + errors + " requests failed and were left out.");
			}
		}
		Load.Usage d = drain(60_000);
		log("timing: outbox drained in %.1f s", d.seconds());
	}

	private long send(String kind, Http http, String email) throws IOException {
		if ("form".equals(kind)) {
			return formOnce(http, null, email);
		}
		long t0 = System.nanoTime();
		Http.Response r = http.post("/api/v1/password-resets", null, "application/json", json(email), true);
		long t = System.nanoTime() - t0;
		return Load.expect("POST /api/v1/password-resets", r, 202) ? t : -1;
	}

	// ------------------------------------------------------------------------------------------------ tokens

	/** Requests a reset for each account and reads the link out of its mail; recipient → token. */
	private Map<String, String> fetchTokens(int from, int count) throws Exception {
		Map<String, String> tokens = new ConcurrentHashMap<>();
		sink.capture(mail -> {
			String token = tokenOf(mail.data());
			if (token != null) {
				for (String r : mail.recipients()) {
					tokens.put(r, token);
				}
			}
		});
		try {
			Load.closed("tokens", service.port, 4, 0, 60_000, count, apiTask(seq -> email(from + (int) seq)), null);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (tokens.size() < count && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		finally {
			sink.capture(null);
		}
		log("fetched %d of %d reset links from the sink", tokens.size(), count);
		return tokens;
	}

	static String tokenOf(byte[] data) {
		try {
			return Mailbox.token(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
		}
		catch (Exception | AssertionError ex) { // not a reset mail
			return null;
		}
	}

	// ------------------------------------------------------------------------------------------------ (4) link open

	private List<String> linkTokens = List.of();

	private Load.Task linkOpenTask() {
		return (http, rec, seq) -> {
			String token = linkTokens.get((int) (seq % linkTokens.size()));
			long t0 = System.nanoTime();
			Http.Response r = http.get("/password/reset?token=" + token + "&lang=en", null, true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("GET /password/reset", r, 303);
		};
	}

	private void linkOpen() throws Exception {
		report.section("Link open: GET /password/reset?token=… (303 to the form, session created)");
		linkTokens = new ArrayList<>(fetchTokens(POOL_L, 200).values());
		if (linkTokens.isEmpty()) {
			report.row("Link open p50 / p99", "n/a (no links arrived)", "", "p99 < 5 ms", false);
			return;
		}
		int n = (int) Math.max(500, 3000 * Math.min(1, scale));
		Load.Result seqRun = Load.closed("link-open", service.port, 1, ms(1000), 60_000, n, linkOpenTask(), meter);
		long[] lat = seqRun.latencies("post");
		double p99 = Stats.percentile(lat, 99);
		report.row("Link open, sequential (1 client): p50 / p99", Report.ms(Stats.percentile(lat, 50)) + " / "
				+ Report.ms(p99), lat.length + " opens, errors " + seqRun.errors(), "p99 < 5 ms", p99 < 5e6);
		Load.Result c8 = Load.closed("link-open", service.port, 8, ms(1000), ms(6000), Long.MAX_VALUE, linkOpenTask(),
				meter);
		long[] lat8 = c8.latencies("post");
		report.row("Link open, 8 clients: opens/s, p50 / p99", Report.f0(c8.rate()) + "/s, "
				+ Report.ms(Stats.percentile(lat8, 50)) + " / " + Report.ms(Stats.percentile(lat8, 99)),
				"errors " + c8.errors(), "", null);
		report.details.add(detail(c8));
	}

	// ------------------------------------------------------------------------------------------------ (3) changes

	private void passwordChange() throws Exception {
		report.section("Password change (POST /api/v1/password-resets/complete) vs raw BCrypt, cost " + bcryptCost);
		// raw BCrypt, the physical limit, with the service idle; first a run that lets the JIT compile BCrypt's loop
		// (the service's is compiled by the warm-up)
		int threads = Runtime.getRuntime().availableProcessors();
		bcryptRate(threads, ms(4000));
		double rawRate = bcryptRate(threads, ms(10_000));
		log("raw BCrypt cost %d: %.2f hashes/s on %d threads", bcryptCost, rawRate, threads);

		Map<String, String> tokens = fetchTokens(POOL_C, 300);
		List<String> pool = new ArrayList<>(tokens.values());
		AtomicInteger next = new AtomicInteger();
		Random random = new Random();
		Load.Task change = (http, rec, seq) -> {
			int i = next.getAndIncrement();
			if (i >= pool.size()) {
				Thread.sleep(5);
				return true;
			}
			String pw = randomPassword(random);
			long t0 = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets/complete", null, "application/json",
					"{\"token\":\"" + pool.get(i) + "\",\"newPassword\":\"" + pw + "\"}", true);
			rec.record("post", System.nanoTime() - t0);
			rec.record("done", 1);
			return Load.expect("POST /api/v1/password-resets/complete", r, 204);
		};
		// probes while BCrypt saturates the CPU
		long window = ms(20_000);
		Map<String, Load.Result> probes = new ConcurrentHashMap<>();
		List<Thread> probeThreads = new ArrayList<>();
		Map<String, Load.Task> probeTasks = new LinkedHashMap<>();
		probeTasks.put("form", formTask(this::mixed));
		probeTasks.put("api", apiTask(this::mixed));
		if (!linkTokens.isEmpty()) {
			probeTasks.put("link", linkOpenTask());
		}
		for (Map.Entry<String, Load.Task> p : probeTasks.entrySet()) {
			Thread t = new Thread(() -> {
				try {
					Thread.sleep(ms(3000));
					probes.put(p.getKey(), Load.open("probe-" + p.getKey(), service.port, 10, window - ms(4000), 8,
							p.getValue(), null));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			t.setDaemon(true);
			t.start();
			probeThreads.add(t);
		}
		java.time.Instant changeBegin = java.time.Instant.now();
		long checkpointBuffersBefore = checkpointBuffers();
		Load.Result changes = Load.closed("change", service.port, 8, ms(2000), window, pool.size(), change, meter);
		long checkpointBuffersAfter = checkpointBuffers();
		long checkpointBuffers = checkpointBuffersBefore < 0 || checkpointBuffersAfter < 0 ? -1
				: checkpointBuffersAfter - checkpointBuffersBefore;
		dumpJfr("change", changeBegin, java.time.Instant.now());
		for (Thread t : probeThreads) {
			t.join(120_000);
		}
		long changed = Load.Recorder.merge(changes.recorders(), "done").length;
		double rate = changed / changes.seconds();
		Load.Usage u = changes.usage();
		report.row("Raw BCrypt (BCrypt.hashpw, " + threads + " threads, service idle): hashes/s", Report.f2(rawRate),
				"the physical limit", "", null);
		report.row("Password changes/s, 8 clients", Report.f2(rate),
				String.format(Locale.ROOT, "%.0f %% of raw BCrypt; CPU busy %.2f of %d cores (service %.2f)",
						rate / rawRate * 100, u.machine() / u.seconds(), threads, u.service() / u.seconds()),
				"≥ 90 % of raw", rate / rawRate >= 0.9);
		// With app.password.history = 1 (the default) a change runs BCrypt twice: the check that the new password is
		// not the current one (a verify at the stored cost), then the new hash.
		report.row("BCrypt runs per second spent on those changes (2 per change: history check + new hash)",
				Report.f2(2 * rate), String.format(Locale.ROOT, "%.0f %% of raw BCrypt", 2 * rate / rawRate * 100),
				"", null);
		if (changed < changes.ops() - changes.errors() || changes.errors() > 0) {
			report.notes.add("Password changes: " + changes.errors() + " of the completions failed.");
		}
		if (next.get() >= pool.size()) {
			report.notes.add("Password changes ran out of reset links (" + pool.size() + ") before the window ended.");
		}
		long[] cl = changes.latencies("post");
		report.details.add(String.format(Locale.ROOT,
				"- password change, 8 clients: %d changes in %.1f s; latency p50 %s p99 %s; CPU cores: service %.2f, "
						+ "Redis %.2f, PostgreSQL %.2f, driver %.2f, other %.2f",
				changed, changes.seconds(), Report.ms(Stats.percentile(cl, 50)), Report.ms(Stats.percentile(cl, 99)),
				u.service() / u.seconds(), u.redis() / u.seconds(), u.postgres() / u.seconds(), u.driver() / u.seconds(),
				u.foreign() / u.seconds()));
		for (Map.Entry<String, Load.Result> p : probes.entrySet()) {
			long[] lat = p.getValue().latencies("post");
			double p99 = Stats.percentile(lat, 99);
			String label = switch (p.getKey()) {
				case "form" -> "Form POST /password/forgot (10/s)";
				case "api" -> "JSON API forgot (10/s)";
				default -> "Link open (10/s)";
			};
			report.row("While changes saturate the CPU: " + label + " p50 / p99",
					Report.ms(Stats.percentile(lat, 50)) + " / " + Report.ms(p99),
					"from schedule p99 " + Report.ms(Stats.percentile(p.getValue().latencies("sched"), 99)) + ", errors "
							+ p.getValue().errors() + checkpointNote(checkpointBuffers),
					"p99 < 50 ms", p99 < 50e6);
		}
		drain(60_000);
	}

	/**
	 * Buffers PostgreSQL's checkpointer has written so far (all databases of the server), or -1 without PostgreSQL.
	 * A checkpoint that writes during a window lengthens the tail of every request that waits for the database.
	 */
	private long checkpointBuffers() {
		if (cfg.getOrDefault("pg-database", "").isBlank()) {
			return -1;
		}
		try {
			Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", cfg.getOrDefault("pg-port", "5432"), "-U",
					cfg.getOrDefault("pg-user", "postgres"), "-d", "postgres", "-qAtc",
					"select buffers_checkpoint from pg_stat_bgwriter").redirectErrorStream(true).start();
			String out = new String(psql.getInputStream().readAllBytes()).trim();
			return psql.waitFor() == 0 ? Long.parseLong(out) : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String checkpointNote(long buffers) {
		return buffers < 0 ? "" : buffers == 0 ? "; no PostgreSQL checkpoint wrote during the window"
				: "; a PostgreSQL checkpoint wrote " + buffers + " buffers during the window";
	}

	/** Hashes per second of Spring Security's BCrypt at the service's cost on plain threads (no pre-hash, no pool). */
	private double bcryptRate(int threads, long millis) throws InterruptedException {
		AtomicLong hashes = new AtomicLong();
		long start = System.nanoTime();
		long stop = start + TimeUnit.MILLISECONDS.toNanos(millis);
		Thread[] running = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			running[i] = new Thread(() -> {
				while (System.nanoTime() < stop) {
					BCrypt.hashpw("raw bcrypt bench password " + hashes.get(), BCrypt.gensalt("$2b", bcryptCost));
					hashes.incrementAndGet();
				}
			});
			running[i].setDaemon(true);
			running[i].start();
		}
		for (Thread t : running) {
			t.join();
		}
		return hashes.get() / ((System.nanoTime() - start) / 1e9);
	}

	static String randomPassword(Random random) {
		String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder sb = new StringBuilder();
		for (int w = 0; w < 5; w++) {
			if (w > 0) {
				sb.append(' ');
			}
			for (int i = 0; i < 5; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return sb.toString();
	}

	// ------------------------------------------------------------------------------------------------ (5) mail

	private void mailLatency() throws Exception {
		report.section("Mail latency: request → accepted by SMTP (driver's in-process sink), JSON API, existing accounts");
		drain(60_000);
		int rate = 100;
		long millis = ms(15_000);
		int count = (int) (rate * millis / 1000);
		count = Math.min(count, ACCOUNTS - POOL_M);
		long[] sent = new long[count];
		sink.clearTimes();
		Load.Task task = (http, rec, seq) -> {
			int i = (int) seq;
			sent[i] = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets", null, "application/json", json(email(POOL_M + i)),
					true);
			rec.record("post", System.nanoTime() - sent[i]);
			return Load.expect("POST /api/v1/password-resets", r, 202);
		};
		log("mail latency: %d requests at %d/s", count, rate);
		Load.Result r = Load.open("mail", service.port, rate, count * 1000L / rate, 16, task, meter);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		long[] lat = new long[count];
		int got = 0;
		while (System.nanoTime() < deadline) {
			got = 0;
			for (int i = 0; i < count; i++) {
				if (sink.firstMailTo(email(POOL_M + i)) != null) {
					got++;
				}
			}
			if (got == count) {
				break;
			}
			Thread.sleep(200);
		}
		int k = 0;
		for (int i = 0; i < count; i++) {
			Long at = sink.firstMailTo(email(POOL_M + i));
			if (at != null && sent[i] > 0) {
				lat[k++] = at - sent[i];
			}
		}
		long[] s = Stats.sorted(Arrays.copyOf(lat, k));
		double p50 = Stats.percentile(s, 50);
		double p99 = Stats.percentile(s, 99);
		report.row("Mail accepted by SMTP at " + rate + " requests/s: p50 / p99",
				Report.ms(p50) + " / " + Report.ms(p99),
				k + " of " + count + " mails arrived; GreenMail's greeting alone ~40 ms", "p50 ≤ 59 ms, p99 < 250 ms",
				k == count && p50 <= 59e6 && p99 < 250e6);
		report.details.add(detail(r));
	}

	// ------------------------------------------------------------------------------------------------ (6) Redis

	private List<String> scan(String pattern) {
		List<String> keys = new ArrayList<>();
		String cursor = ScanParams.SCAN_POINTER_START;
		ScanParams params = new ScanParams().match(pattern).count(1000);
		do {
			ScanResult<String> r = redis.scan(cursor, params);
			keys.addAll(r.getResult());
			cursor = r.getCursor();
		}
		while (!"0".equals(cursor));
		return keys;
	}

	private static long usedMemory(String info) {
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("used_memory:")) {
				return Long.parseLong(line.substring("used_memory:".length()).trim());
			}
		}
		return -1;
	}

	private void redisMemory() throws Exception {
		report.section("Redis memory");
		drain(60_000);
		List<String> live = scan("rt:*:live");
		if (live.size() < 10_000 && timeLeft(60)) {
			// top up: a link for each of the first pool A accounts (one that has a link gets a new one instead)
			Load.closed("topup", service.port, 16, 0, 120_000, Math.min(POOL_A, 10_000 - live.size()),
					apiTask(seq -> email((int) seq)), null);
			drain(120_000);
			live = scan("rt:*:live");
		}
		List<String> gone = scan("rt:*:gone");
		List<String> sessions = scan("ass:session:sessions:*");
		List<String> limits = scan("rl:*");
		long sample = 0;
		int sampled = 0;
		for (String key : live.subList(0, Math.min(200, live.size()))) {
			Long m = redis.memoryUsage(key);
			if (m != null) {
				sample += m;
				sampled++;
			}
		}
		long before = usedMemory(redis.info("memory"));
		deleteAll(gone);
		long afterGone = usedMemory(redis.info("memory"));
		deleteAll(live);
		long afterLive = usedMemory(redis.info("memory"));
		double perLive = live.isEmpty() ? Double.NaN : (afterGone - afterLive) / (double) live.size();
		double perGone = gone.isEmpty() ? Double.NaN : (before - afterGone) / (double) gone.size();
		report.row("Redis per outstanding link (used_memory drop on deleting " + live.size() + " `rt:{id}:live` keys)",
				Report.f0(perLive) + " B", "MEMORY USAGE of one: " + (sampled == 0 ? "n/a" : Report.f0(sample / (double) sampled))
						+ " B",
				"< 300 B", live.size() >= 10_000 ? perLive < 300 : null);
		report.row("Redis per account with used or replaced links (`rt:{id}:gone` hash of markers, kept for the rest of the TTL)",
				Report.f0(perGone) + " B", gone.size() + " marker hashes after the run", "", null);
		report.row("Redis at the end of the load: used_memory", Report.f0(before / 1024.0 / 1024.0) + " MiB",
				sessions.size() + " sessions (`ass:session:sessions:*`), " + limits.size() + " rate-limit keys, "
						+ live.size() + " live links",
				"", null);
		if (live.size() < 10_000) {
			report.notes.add("Only " + live.size() + " outstanding links were in Redis (fewer than 10,000).");
		}
	}

	private void deleteAll(List<String> keys) {
		for (int i = 0; i < keys.size(); i += 500) {
			redis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(new String[0]));
		}
	}

	// ------------------------------------------------------------------------------------------------ (7) JMH

	private void jmh() throws IOException {
		report.section("Micro-benchmarks (JMH " + cfg.getOrDefault("jmh-settings", "") + ")");
		Path json = Path.of(cfg.getOrDefault("jmh-json", "none"));
		if (!Files.exists(json)) {
			report.row("JMH", "not run", "see the script's output", "", null);
			return;
		}
		for (JsonNode benchmark : JsonMapper.builder().build().readTree(json.toFile())) {
			JsonNode metric = benchmark.path("primaryMetric");
			String name = benchmark.path("benchmark").asString().replaceAll("^.*\\.([A-Za-z]+Bench\\.[A-Za-z]+)$", "$1");
			report.row(name, fmt(metric.path("score").asString()) + " " + metric.path("scoreUnit").asString(),
					"± " + fmt(metric.path("scoreError").asString()) + " (99.9 % CI)", "", null);
		}
	}

	private static String fmt(String number) {
		try {
			double v = Double.parseDouble(number.replace("\"", ""));
			return v >= 100 ? Report.f0(v) : v >= 10 ? Report.f1(v) : String.format(Locale.ROOT, "%.3f", v);
		}
		catch (NumberFormatException ex) {
			return number;
		}
	}

	private static List<String> split(String s) {
		return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
	}

}
