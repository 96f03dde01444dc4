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
 * unknown ones, in a shuffled order after a warm-up of 40 unknown ones.
 */
public final class ForgotPasswordTimer {

	private ForgotPasswordTimer() {
	}

	public static Timings knownVersusUnknown(int port, List<String> known, int requestsEach, long seed) {
		List<String> schedule = new ArrayList<>();
		for (String email : known) {
			for (int i = 0; i < requestsEach; i++) {
				schedule.add(email);
				schedule.add(unknownAddress());
			}
		}
		Collections.shuffle(schedule, new Random(seed));
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		for (int i = 0; i < 40; i++) {
			time(browser, unknownAddress());
		}
		List<Double> knownMillis = new ArrayList<>();
		List<Double> unknownMillis = new ArrayList<>();
		for (String email : schedule) {
			(email.startsWith("nobody-") ? unknownMillis : knownMillis).add(time(browser, email));
		}
		return new Timings(knownMillis, unknownMillis);
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
