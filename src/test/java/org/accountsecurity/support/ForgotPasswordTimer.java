package org.accountsecurity.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times {@code POST /password/forgot} for addresses with an account against unknown ones
 * (docs/security.md FP-02): each known address {@code requestsEach} times, as many
 * unknown ones, in a shuffled order. The first {@value #WARM_UP_ACCOUNTS} addresses warm
 * up the same way, unmeasured, so that the JIT has compiled both branches before anything
 * is measured: a warm-up of unknown addresses only left the known branch colder when the
 * test ran early in its JVM.
 */
public final class ForgotPasswordTimer {

	/** How many of the known addresses are only used to warm up. */
	public static final int WARM_UP_ACCOUNTS = 7;

	private ForgotPasswordTimer() {
	}

	public static Timings knownVersusUnknown(int port, List<String> known, int requestsEach, long seed) {
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		for (String email : schedule(known.subList(0, WARM_UP_ACCOUNTS), requestsEach, seed + 1)) {
			time(browser, email);
		}
		List<Double> knownMillis = new ArrayList<>();
		List<Double> unknownMillis = new ArrayList<>();
		for (String email : schedule(known.subList(WARM_UP_ACCOUNTS, known.size()), requestsEach, seed)) {
			(email.startsWith("nobody-") ? unknownMillis : knownMillis).add(time(browser, email));
		}
		return new Timings(knownMillis, unknownMillis);
	}

	// Each known address requestsEach times and as many unknown ones, shuffled.
	private static List<String> schedule(List<String> known, int requestsEach, long seed) {
		List<String> schedule = new ArrayList<>();
		for (String email : known) {
			for (int i = 0; i < requestsEach; i++) {
				schedule.add(email);
				schedule.add(unknownAddress());
			}
		}
		Collections.shuffle(schedule, new Random(seed));
		return schedule;
	}

	private static double time(WebClient browser, String email) {
		long start = System.nanoTime();
		HttpResponse<String> answer = browser.post("/password/forgot", Map.of("email", email));
		double millis = (System.nanoTime() - start) / 1e6;
		assertThat(answer.statusCode()).isEqualTo(200);
		return millis;
	}

	private static String unknownAddress() {
		return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

}
