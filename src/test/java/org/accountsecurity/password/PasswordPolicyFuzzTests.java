package org.accountsecurity.password;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the password policy (make test replays the inputs under
 * {@code PasswordPolicyFuzzTestsInputs}; make fuzz mutates them): any Unicode, very long
 * input, personal words of any shape. It never throws, says only {@code too-long} above
 * the maximum, and judges even the costliest input (zxcvbn reads 32 code points) in well
 * under the time of one BCrypt hash times ten.
 */
class PasswordPolicyFuzzTests {

	private static final long MAX_MILLIS = 3_000;

	private static BreachedPasswords breached;

	private final PasswordPolicy policy = TestPasswords.policy(TestPasswords.properties(),
			TestPasswords.hasher(TestPasswords.properties(), TestPasswords.registry()), breached);

	@BeforeAll
	static void loadList() {
		breached = new BreachedPasswords();
	}

	@FuzzTest(maxDuration = "5m")
	void anyPasswordIsJudgedQuicklyWithoutThrowing(FuzzedDataProvider data) {
		String email = data.consumeBoolean() ? data.consumeString(80) : null;
		String name = data.consumeBoolean() ? data.consumeString(80) : null;
		int repeat = data.consumeInt(1, 2_000);
		String password = data.consumeRemainingAsString().repeat(repeat);
		String confirmation = password;

		long started = System.nanoTime();
		List<PolicyViolation> violations = policy.check(password, confirmation,
				new PasswordContext(email, name, List.of()));
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(violations).isNotNull().doesNotContainNull();
		assertThat(millis).as("milliseconds to judge a password of %d chars", password.length()).isLessThan(MAX_MILLIS);
		String normalized = Nfkc.normalize(password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length > TestPasswords.properties().maxLength()) {
			assertThat(violations).extracting(PolicyViolation::code).containsExactly(PolicyViolation.TOO_LONG);
		}
		else if (!normalized.isBlank() && length < TestPasswords.properties().minLength()) {
			assertThat(violations).extracting(PolicyViolation::code).contains(PolicyViolation.TOO_SHORT);
		}
		assertThat(violations).extracting(PolicyViolation::code).doesNotContain(PolicyViolation.MISMATCH);
	}

}
