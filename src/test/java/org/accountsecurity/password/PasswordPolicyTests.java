package org.accountsecurity.password;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final String GOOD = "purple tractor singing in rain";

	private static BreachedPasswords breached;

	private final SimpleMeterRegistry registry = TestPasswords.registry();

	private final PasswordHasher hasher = TestPasswords.hasher(TestPasswords.properties(), this.registry);

	private final PasswordPolicy policy = new PasswordPolicy(TestPasswords.properties(), this.hasher, breached);

	@BeforeAll
	static void loadList() {
		breached = new BreachedPasswords();
	}

	@Test
	void oneCharacterBelowTheMinimumIsTooShortAndTheMinimumIsAccepted() {
		assertThat(this.policy.check("k7wq9zr2mxv4bn", "k7wq9zr2mxv4bn", null))
			.containsExactly(new PolicyViolation("too-short", List.of(15)));
		assertThat(codes("k7wq9zr2mxv4bnt")).isEmpty();
	}

	@Test
	void aPassphraseOf64PolishAndEmojiCodePointsIsAccepted() {
		String passphrase = "Zażółć gęślą jaźń 🦊🦊 i pójdź w świat, bo tu nic nie rośnie!! 🌲🌲🌲";
		assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(64);

		assertThat(codes(passphrase)).isEmpty();
	}

	@Test
	void lengthCountsCodePointsSoMinimumManyEmojiPass() {
		assertThat(codes("🦊🐙🌵🍉🚲🎻🧭🪁🐢🌋🍄🦉🎲🧊🪐")).isEmpty();
	}

	@Test
	void onlyOverTheMaximumIsTooLong() {
		assertThat(codes("x7".repeat(64))).isEmpty();
		assertThat(this.policy.check("x7".repeat(64) + "q", "x7".repeat(64) + "q", null))
			.containsExactly(new PolicyViolation("too-long", List.of(128)));
	}

	@Test
	void aMegabytePasswordIsRejectedAtOnceWithoutBcrypt() {
		String huge = "z".repeat(1024 * 1024);
		PasswordContext context = new PasswordContext("mike@example.org", "Mike", List.of(this.hasher.hash(GOOD)));

		long start = System.nanoTime();
		List<PolicyViolation> violations = this.policy.check(huge, huge, context);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(violations).extracting(PolicyViolation::code).containsExactly("too-long");
		assertThat(TestPasswords.bcryptVerifications(this.registry)).isZero();
		assertThat(elapsedMillis).isLessThan(100);
	}

	@Test
	void randomAllLowercaseAndAllDigitPasswordsAreAccepted() {
		assertThat(codes(random("abcdefghijklmnopqrstuvwxyz", 15))).isEmpty();
		assertThat(codes(random("0123456789", 15))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1", "iloveyou", "PassWord1", "QWERTYUIOP" })
	void listedPasswordsAreCommonWhateverTheirCase(String password) {
		PasswordPolicy shortPolicy = new PasswordPolicy(TestPasswords.properties(8), this.hasher, breached);

		assertThat(shortPolicy.check(password, password, null)).extracting(PolicyViolation::code)
			.containsExactly("common");
	}

	@Test
	void listedPasswordsLongEnoughToPassTheLengthRuleAreCommon() {
		assertThat(codes("1qaz2wsx3edc4rfv")).containsExactly("common");
		assertThat(codes("123456789qwerty")).containsExactly("common");
	}

	@Test
	void aLongPassphraseContainingAListedWordIsAccepted() {
		assertThat(codes("my password is a purple tractor")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Account Security", "accountsecurity", "ACCOUNT  SECURITY" })
	void theServiceNameIsCommon(String password) {
		assertThat(codes(password)).containsExactly("common");
	}

	@Test
	void theEmailLocalPartPaddedToTheMinimumIsRejected() {
		PasswordContext context = new PasswordContext("Mike.Jones+shop@example.org", null, List.of());

		assertThat(codes("mike.jones+shop!", context)).containsExactly("contains-email");
		assertThat(codes("xxMIKE.JONESxxxx", context)).containsExactly("contains-email");
		assertThat(codes(GOOD, context)).isEmpty();
	}

	@Test
	void anEmailLocalPartShorterThanThreeCharactersIsIgnored() {
		assertThat(codes("al gore planted trees", new PasswordContext("al@example.org", null, null))).isEmpty();
	}

	@Test
	void theNameOrAnyLongEnoughPartOfItIsRejected() {
		PasswordContext context = new PasswordContext(null, "Katarzyna Nowak", List.of());

		assertThat(codes("katarzyna nowak rocks", context)).containsExactly("contains-name");
		assertThat(codes("KatarzynaNowak2024", context)).containsExactly("contains-name");
		assertThat(codes("my dear nowak family", context)).containsExactly("contains-name");
		assertThat(codes("jo li", new PasswordContext(null, "Jo Li", null))).contains("contains-name");
		assertThat(codes("jovial lions roaring", new PasswordContext(null, "Jo Li", null))).isEmpty();
	}

	@Test
	void aDifferentConfirmationIsAMismatchButAnNfkcEquivalentOneIsNot() {
		assertThat(this.policy.check(GOOD, GOOD + "!", null)).extracting(PolicyViolation::code)
			.containsExactly("mismatch");
		assertThat(this.policy.check(GOOD, null, null)).extracting(PolicyViolation::code).containsExactly("mismatch");
		assertThat(this.policy.check("caf\u00e9 au lait at noon", "cafe\u0301 au lait at noon", null)).isEmpty();
	}

	@Test
	void aRecentPasswordIsReusedEvenInAnotherUnicodeForm() {
		String current = this.hasher.hash("caf\u00e9 au lait at noon");
		PasswordContext context = new PasswordContext(null, null, List.of(current));

		assertThat(codes("cafe\u0301 au lait at noon", context)).containsExactly("reused");
		assertThat(codes(GOOD, context)).isEmpty();
	}

	@Test
	void historyIsNotCheckedWhenAnotherRuleFailedOrWhenSwitchedOff() {
		PasswordContext context = new PasswordContext(null, null, List.of(this.hasher.hash(GOOD)));
		PasswordPolicy noHistory = new PasswordPolicy(new PasswordProperties(15, 128, 10, 0), this.hasher, breached);

		assertThat(this.policy.check(GOOD, "something else", context)).extracting(PolicyViolation::code)
			.containsExactly("mismatch");
		assertThat(noHistory.check(GOOD, GOOD, context)).isEmpty();
		assertThat(TestPasswords.bcryptVerifications(this.registry)).isZero();
	}

	@Test
	void onlyTheConfiguredNumberOfRecentHashesIsChecked() {
		PasswordContext context = new PasswordContext(null, null,
				List.of(this.hasher.hash("another one entirely"), this.hasher.hash(GOOD)));

		assertThat(codes(GOOD, context)).isEmpty();
	}

	@Test
	void everyViolationIsListedAtOnce() {
		PasswordContext context = new PasswordContext("shadow@example.org", "Shadow Smith", List.of());

		assertThat(this.policy.check("shadow", "shadov", context)).extracting(PolicyViolation::code)
			.containsExactlyInAnyOrder("too-short", "common", "contains-email", "contains-name", "mismatch");
	}

	@Test
	void nullEmptyOrWhitespaceIsBlank() {
		assertThat(this.policy.check(null, null, null)).extracting(PolicyViolation::code).containsExactly("blank");
		assertThat(this.policy.check("", "", null)).extracting(PolicyViolation::code).containsExactly("blank");
		assertThat(this.policy.check(" ".repeat(20), " ".repeat(20), null)).extracting(PolicyViolation::code)
			.containsExactly("blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\ud800\ud800\ud800\ud800\ud800\ud800\ud800\ud800", "\u0000\u0000\u0000",
			"\ufdfa\ufdfa\ufdfa\ufdfa\ufdfa\ufdfa\ufdfa\ufdfa", "\u202e\u200b\u00ad" })
	void oddInputNeverThrows(String password) {
		PasswordContext context = new PasswordContext("\ud800@", "\u0000 \ud800", Arrays.asList(null, "x"));

		assertThat(this.policy.check(password, password, context)).isNotNull();
	}

	@Test
	void rulesStateTheConfiguredNumbers() {
		assertThat(this.policy.rules()).isEqualTo(new PasswordRules(15, 128, 1));
	}

	@Test
	void messageKeyIsPrefixedWithThePolicyNamespace() {
		assertThat(PolicyViolation.of("too-short", 15).messageKey()).isEqualTo("password.policy.too-short");
	}

	private List<String> codes(String password) {
		return codes(password, null);
	}

	private List<String> codes(String password, PasswordContext context) {
		return this.policy.check(password, password, context)
			.stream()
			.map(PolicyViolation::code)
			.collect(Collectors.toList());
	}

	private static String random(String alphabet, int length) {
		SecureRandom random = new SecureRandom();
		return random.ints(length, 0, alphabet.length())
			.mapToObj((i) -> String.valueOf(alphabet.charAt(i)))
			.collect(Collectors.joining());
	}

}
