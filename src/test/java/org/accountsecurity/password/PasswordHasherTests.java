package org.accountsecurity.password;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordHasherTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final SimpleMeterRegistry registry = TestPasswords.registry();

	private final PasswordHasher hasher = TestPasswords.hasher(TestPasswords.properties(), this.registry);

	@Test
	void hashCarriesTheFormatIdAndTheConfiguredCost() {
		String stored = this.hasher.hash(PASSWORD);

		assertThat(stored).startsWith("{bcrypt-sha256}$2b$10$").hasSize("{bcrypt-sha256}".length() + 60);
	}

	@Test
	void samePasswordGetsADifferentSaltEachTime() {
		assertThat(this.hasher.hash(PASSWORD)).isNotEqualTo(this.hasher.hash(PASSWORD));
	}

	@Test
	void verifiesThePasswordItHashed() {
		assertThat(this.hasher.matches(PASSWORD, this.hasher.hash(PASSWORD))).isTrue();
	}

	@Test
	void rejectsCaseFlippedShortenedAndLengthenedPasswords() {
		String stored = this.hasher.hash("Correct Horse Battery Staple");

		assertThat(this.hasher.matches("cORRECT hORSE bATTERY sTAPLE", stored)).isFalse();
		assertThat(this.hasher.matches("Correct Horse Battery Stapl", stored)).isFalse();
		assertThat(this.hasher.matches("Correct Horse Battery Staplex", stored)).isFalse();
		assertThat(this.hasher.matches(" Correct Horse Battery Staple", stored)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ascii", "euro", "emoji" })
	void passwordsSharingTheirFirst72BytesNeverBothVerify(String kind) {
		String prefix = switch (kind) {
			case "ascii" -> "a".repeat(72);
			case "euro" -> "€".repeat(24);
			default -> "🦊".repeat(18);
		};
		String first = prefix + (kind.equals("emoji") ? "🐙" : "X");
		String second = prefix + (kind.equals("emoji") ? "🌵" : "Y");
		assertThat(first.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
		assertThat(prefix.getBytes(StandardCharsets.UTF_8)).hasSize(72);

		String stored = this.hasher.hash(first);

		assertThat(this.hasher.matches(first, stored)).isTrue();
		assertThat(this.hasher.matches(second, stored)).isFalse();
	}

	@Test
	void preHashWithALeadingNulByteStillTellsPasswordsApart() throws Exception {
		String salt = BCrypt.gensalt("$2b", TestPasswords.TEST_COST);
		String key = salt.substring(7, 29);
		String first = passwordWhoseDigestStartsWithNul(key, 0);
		String second = passwordWhoseDigestStartsWithNul(key, Integer.parseInt(first.substring(1)) + 1);
		String stored = "{bcrypt-sha256}" + BCrypt.hashpw(PreHash.of(first, key), salt);

		assertThat(this.hasher.matches(first, stored)).isTrue();
		assertThat(this.hasher.matches(second, stored)).isFalse();
	}

	@Test
	void precomposedAndDecomposedAccentsVerifyBothWays() {
		String precomposed = "caf\u00e9 au lait in the morning";
		String decomposed = "cafe\u0301 au lait in the morning";

		assertThat(this.hasher.matches(decomposed, this.hasher.hash(precomposed))).isTrue();
		assertThat(this.hasher.matches(precomposed, this.hasher.hash(decomposed))).isTrue();
	}

	@Test
	void fullWidthLettersVerifyAsTheirAsciiForm() {
		assertThat(this.hasher.matches("ｐａｓｓｗｏｒｄ ｐｈｒａｓｅ", this.hasher.hash("password phrase"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$2a$", "$2b$", "$2y$" })
	void plainBcryptFromImportedAccountsVerifiesAndNeedsAnUpgrade(String version) {
		String plain = BCrypt.hashpw("imported password", BCrypt.gensalt("$2a", 10)).replace("$2a$", version);

		assertThat(this.hasher.matches("imported password", plain)).isTrue();
		assertThat(this.hasher.matches("imported password", "{bcrypt}" + plain)).isTrue();
		assertThat(this.hasher.matches("imported passwort", plain)).isFalse();
		assertThat(this.hasher.needsUpgrade(plain)).isTrue();
		assertThat(this.hasher.needsUpgrade("{bcrypt}" + plain)).isTrue();
	}

	@Test
	void plainBcryptNeverMatchesAPasswordLongerThan72Bytes() {
		String truncated = BCrypt.hashpw("a".repeat(72), BCrypt.gensalt("$2a", 10));

		assertThat(this.hasher.matches("a".repeat(72) + "X", truncated)).isFalse();
		assertThat(this.hasher.matches("a".repeat(72) + "Y", truncated)).isFalse();
	}

	@Test
	void lowerCostNeedsAnUpgradeButTheConfiguredOrHigherDoesNot() {
		PasswordHasher cheaper = new PasswordHasher(new PasswordProperties(15, 128, 10, 1));
		PasswordHasher dearer = new PasswordHasher(new PasswordProperties(15, 128, 11, 1));
		String atTen = cheaper.hash(PASSWORD);

		assertThat(dearer.needsUpgrade(atTen)).isTrue();
		assertThat(cheaper.needsUpgrade(atTen)).isFalse();
		assertThat(cheaper.needsUpgrade(dearer.hash(PASSWORD))).isFalse();
		assertThat(cheaper.needsUpgrade(null)).isFalse();
		assertThat(cheaper.needsUpgrade("garbage")).isFalse();
	}

	@Test
	void nullStoredHashIsFalseAfterTheSameBcryptWork() {
		long before = TestPasswords.bcryptVerifications(this.registry);

		assertThat(this.hasher.matches(PASSWORD, null)).isFalse();
		assertThat(TestPasswords.bcryptVerifications(this.registry)).isEqualTo(before + 1);
	}

	@Test
	void anUnknownUsersCheckSpendsABcryptRunAtTheConfiguredCost() {
		String stored = this.hasher.hash(PASSWORD);
		long[] known = new long[5];
		long[] unknown = new long[5];
		for (int i = 0; i < 5; i++) {
			long t0 = System.nanoTime();
			this.hasher.matches("wrong " + PASSWORD, stored);
			long t1 = System.nanoTime();
			this.hasher.matches("wrong " + PASSWORD, null);
			known[i] = t1 - t0;
			unknown[i] = System.nanoTime() - t1;
		}
		Arrays.sort(known);
		Arrays.sort(unknown);
		// A dummy hash at a lower cost would be 2^k times faster.
		assertThat((double) unknown[2]).isBetween(0.6 * known[2], 1.6 * known[2]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "{bcrypt-sha256}", "{noop}" + PASSWORD, "{bcrypt-sha256}$2b$10$short",
			"$2x$10$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyzABCDE",
			"$2a$31$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyzABCDE",
			"$2a$99$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyzABCDE",
			"$2a$10$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyzABCD!" })
	void garbageStoredHashIsFalseWithoutThrowing(String stored) {
		assertThat(this.hasher.matches(PASSWORD, stored)).isFalse();
		assertThat(this.hasher.needsUpgrade(stored)).isFalse();
	}

	@Test
	void nullOrHugePasswordIsFalseWithoutThrowing() {
		String stored = this.hasher.hash(PASSWORD);

		assertThat(this.hasher.matches(null, stored)).isFalse();
		assertThat(this.hasher.matches("x".repeat(1_000_000), stored)).isFalse();
	}

	@Test
	void recordsBcryptTimeInTheTimer() {
		this.hasher.matches(PASSWORD, this.hasher.hash(PASSWORD));

		assertThat(this.registry.get("password.bcrypt").tag("operation", "hash").timer().count()).isPositive();
		assertThat(TestPasswords.bcryptVerifications(this.registry)).isEqualTo(1);
	}

	@Test
	void springSecurityEncoderDelegatesToTheHasher() {
		var encoder = this.hasher.passwordEncoder();
		String encoded = encoder.encode(PASSWORD);
		String plain = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10));

		assertThat(encoded).startsWith("{bcrypt-sha256}$2b$10$");
		assertThat(encoder.matches(PASSWORD, encoded)).isTrue();
		assertThat(encoder.matches(PASSWORD, plain)).isTrue();
		assertThat(encoder.upgradeEncoding(plain)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
		assertThat(encoder.encode(null)).isNull();
	}

	@Test
	void refusesACostOf31EvenWhenBuiltWithoutValidation() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PasswordHasher(new PasswordProperties(15, 128, 31, 1)));
	}

	private static String passwordWhoseDigestStartsWithNul(String key, int start) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
		for (int i = start;; i++) {
			String candidate = "p" + i;
			if (mac.doFinal(candidate.getBytes(StandardCharsets.UTF_8))[0] == 0) {
				return candidate;
			}
		}
	}

}
