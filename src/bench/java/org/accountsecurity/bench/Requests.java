package org.accountsecurity.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accountsecurity.bench.server.SeedController;

/** The requests the loads send, and the seeded accounts they send them for. */
final class Requests {

	// Account pools (indices of bench-NNNNNN@bench.example.com)
	static final int POOL_A = 10_000; // mixed loads and the timing gap

	static final int POOL_L = 10_000; // link opens: 200

	static final int POOL_C = 10_200; // password changes: 300

	static final int POOL_M = 10_500; // mail latency: up to 11,900

	static final int POOL_T = 22_400; // sign-ins with TOTP: 100

	static final int ACCOUNTS = 22_500;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String runId = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong unknownSeq = new AtomicLong();

	private final AtomicInteger existingSeq = new AtomicInteger();

	static String email(int i) {
		return SeedController.email(i);
	}

	String unknownEmail() {
		return "nobody-" + runId + "-" + unknownSeq.incrementAndGet() + "@nowhere.example.com";
	}

	String existingFromPoolA() {
		return email(Math.floorMod(existingSeq.getAndIncrement(), POOL_A));
	}

	/** Half existing, half unknown, by the request's sequence number. */
	String mixed(long seq) {
		return seq % 2 == 0 ? existingFromPoolA() : unknownEmail();
	}

	static String json(String email) {
		return "{\"email\":\"" + email + "\"}";
	}

	/** A new visitor: GET the form (new session and CSRF token), then POST it. */
	Load.Task formTask(LongFunction<String> emails) {
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
		String body = formBody(m.group(1), "email", email);
		long p0 = System.nanoTime();
		Http.Response r = http.post("/password/forgot", form.setCookie(), "application/x-www-form-urlencoded", body,
				true);
		long p1 = System.nanoTime();
		if (rec != null) {
			rec.record("post", p1 - p0);
		}
		return Load.expect("POST /password/forgot", r, 200) ? p1 - p0 : -1;
	}

	/**
	 * A new visitor signs in with a password that is wrong (or for an address that is
	 * unknown): GET /login (not timed), then POST /login. Returns the POST's latency in
	 * ns, or -1 if the answer was not the redirect back to the form.
	 */
	static long signInOnce(Http http, String email, String password) throws IOException {
		Http.Response form = http.get("/login", null, true);
		Matcher m = CSRF.matcher(form.body());
		if (!Load.expect("GET /login", form, 200) || !m.find()) {
			return -1;
		}
		String body = formBody(m.group(1), "username", email, "password", password);
		long t0 = System.nanoTime();
		Http.Response r = http.post("/login", form.setCookie(), "application/x-www-form-urlencoded", body, true);
		long t = System.nanoTime() - t0;
		return Load.expect("POST /login", r, 302) && r.location() != null && r.location().contains("/login?error") ? t
				: -1;
	}

	/**
	 * A form's body: the fields (name, value, name, value, ...), then the CSRF token
	 * (empty when null).
	 */
	static String formBody(String csrf, String... fields) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8))
				.append('&');
		}
		return body.append("_csrf=").append(csrf == null ? "" : URLEncoder.encode(csrf, StandardCharsets.UTF_8)).toString();
	}

	/** Returns the API POST's latency in ns, or -1 if the answer was wrong. */
	static long apiOnce(Http http, String email) throws IOException {
		long t0 = System.nanoTime();
		Http.Response r = http.post("/api/v1/password-resets", null, "application/json", json(email), true);
		long t = System.nanoTime() - t0;
		return Load.expect("POST /api/v1/password-resets", r, 202) ? t : -1;
	}

	Load.Task apiTask(LongFunction<String> emails) {
		return (http, rec, seq) -> {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets", null, "application/json", json(emails.apply(seq)),
					true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("POST /api/v1/password-resets", r, 202);
		};
	}

	Load.Task bareTask() {
		return (http, rec, seq) -> {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/bench/bare", null, "application/json",
					json(seq % 2 == 0 ? email((int) (seq % POOL_A)) : "nobody-" + seq + "@nowhere.example.com"), true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("POST /bench/bare", r, 202);
		};
	}

	/**
	 * The closed-loop load of a kind: bare, api or form, half existing and half unknown
	 * addresses.
	 */
	Load.Task ofKind(String kind) {
		return switch (kind) {
			case "bare" -> bareTask();
			case "api" -> apiTask(this::mixed);
			default -> formTask(this::mixed);
		};
	}

}
