package org.accountsecurity.bench;

import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.accountsecurity.bench.server.SeedController;

/**
 * The soak's mixed load, as people use the service: reset requests (known and unknown
 * addresses), whole resets (mail, open the link, choose a password), sign-ins with account
 * pages (half of them signing out, the rest leaving their session to expire), operators
 * reading the audit trail, and anonymous pages. Each visitor borrows an account from a
 * queue, so no two change one account at once.
 */
final class SoakLoad {

	static final String OPERATOR_EMAIL = "soak-operator@soak.example.com";

	static final String OPERATOR_PASSWORD = "lantern quietly ferries 7 grey herons";

	private final int port;

	private final BlockingQueue<Integer> accounts = new LinkedBlockingQueue<>();

	private final Map<Integer, String> passwords = new ConcurrentHashMap<>();

	private final Map<String, String> mailedTokens = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	SoakLoad(int port, int accountCount, SmtpSink sink) {
		this.port = port;
		for (int i = 0; i < accountCount; i++) {
			accounts.add(i);
		}
		sink.capture(mail -> {
			String token = MailedLinks.tokenOf(mail.data());
			if (token != null) {
				mail.recipients().forEach(r -> mailedTokens.put(r.toLowerCase(java.util.Locale.ROOT), token));
			}
		});
	}

	/** One visitor's next visit; never throws for a wrong answer (it is counted). */
	void visit(Random random) throws InterruptedException {
		int dice = random.nextInt(100);
		Integer account = accounts.poll(10, TimeUnit.SECONDS);
		if (account == null) {
			return;
		}
		String scenario = dice < 25 ? "forgot" : dice < 40 ? "reset" : dice < 75 ? "sign-in" : dice < 85 ? "operator" : "anonymous";
		try (SoakSession s = new SoakSession(port)) {
			boolean ok = switch (scenario) {
				case "forgot" -> forgot(s, random.nextBoolean() ? SeedController.email(account)
						: "nobody-" + UUID.randomUUID() + "@nowhere.example.com");
				case "reset" -> reset(s, account);
				case "sign-in" -> signIn(s, account, random.nextBoolean());
				case "operator" -> operator(s, account);
				default -> s.get("/login").status() == 200 && s.get("/password/forgot").status() == 200;
			};
			count(scenario + (ok ? " ok" : " failed"));
		}
		catch (Exception ex) {
			count(scenario + " error " + ex.getClass().getSimpleName());
		}
		finally {
			accounts.add(account);
		}
	}

	private boolean forgot(SoakSession s, String email) throws Exception {
		return s.postJson("/api/v1/password-resets", "{\"email\":\"" + email + "\"}").status() == 202;
	}

	private boolean reset(SoakSession s, int account) throws Exception {
		String email = SeedController.email(account);
		mailedTokens.remove(email);
		if (!forgot(s, email)) {
			return false;
		}
		String token = null;
		for (int i = 0; i < 300 && token == null; i++) {
			Thread.sleep(100);
			token = mailedTokens.remove(email);
		}
		if (token == null || s.get("/password/reset?token=" + token).status() != 303
				|| s.get("/password/reset/new").status() != 200) {
			return false;
		}
		String next = "soak " + UUID.randomUUID().toString().substring(0, 18) + " harbour";
		int status = s.post("/password/reset/new", "password", next, "confirmPassword", next).status();
		if (status == 200 || status == 303) {
			passwords.put(account, next);
			return true;
		}
		return false;
	}

	private boolean signIn(SoakSession s, int account, boolean signOut) throws Exception {
		String password = passwords.getOrDefault(account, SeedController.PASSWORD);
		if (!signInAs(s, SeedController.email(account), password)) {
			return false;
		}
		boolean ok = s.get("/account").status() == 200 && s.get("/").status() < 400;
		return ok && (!signOut || s.post("/logout").status() == 302);
	}

	private boolean operator(SoakSession s, int account) throws Exception {
		if (!signInAs(s, OPERATOR_EMAIL, OPERATOR_PASSWORD)) {
			return false;
		}
		boolean ok = s.get("/operator/audit").status() == 200
				&& s.get("/operator/audit?email=" + SeedController.email(account)).status() == 200;
		return ok && s.post("/logout").status() == 302;
	}

	private static boolean signInAs(SoakSession s, String email, String password) throws Exception {
		if (s.get("/login").status() != 200) {
			return false;
		}
		Http.Response r = s.post("/login", "username", email, "password", password);
		return r.status() == 302 && r.location() != null && !r.location().contains("error");
	}

	private void count(String what) {
		counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
	}

}
