package org.accountsecurity.password;

import java.security.SecureRandom;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.authentication.password.CompromisedPasswordDecision;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final String GOOD = "purple tractor singing in rain";

	private static BreachedPasswords breached;

	private final SimpleMeterRegistry registry = TestPasswords.registry();

	private final PasswordHasher hasher = TestPasswords.hasher(TestPasswords.properties(), this.registry);

	private final PasswordPolicy policy = TestPasswords.policy(TestPasswords.properties(), this.hasher, breached);

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
		String maximum = (GOOD + " ").repeat(5).substring(0, 128);
		assertThat(codes(maximum)).isEmpty();
		assertThat(this.policy.check(maximum + "q", maximum + "q", null))
			.containsExactly(new PolicyViolation("too-long", List.of(128)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordpassword", "123456789012345", "qwertyuiopasdfgh", "aaaaaaaaaaaaaaa",
			"x7x7x7x7x7x7x7x7", "abcdefghijklmnopqrstuvwxyz", "Password12345678", "iloveyouiloveyou" })
	void longPatternsTheListMissesAreEasyToGuess(String password) {
		assertThat(codes(password)).containsExactly("easy-to-guess");
	}

	@ParameterizedTest
	@ValueSource(strings = { "silver maple river 42", "grüne Wiese am Bach 7", "żółty rower nad Wisłą",
			"audit trail keeper 2026", "silver lining over a quiet harbour", GOOD })
	void theDemoAndFixturePassphrasesPass(String passphrase) {
		assertThat(codes(passphrase, new PasswordContext("ada@example.com", "Ada Lovelace", List.of()))).isEmpty();
	}

	@Test
	void aPartOfTheEmailLocalPartCountsAsAnEasyGuess() {
		String password = "grzegorzewski 1984";
		assertThat(codes(password)).isEmpty();

		// The e-mail rule looks for the whole local part only; zxcvbn gets its parts too.
		assertThat(codes(password, new PasswordContext("m.grzegorzewski@example.org", null, List.of())))
			.containsExactly("easy-to-guess");
	}

	@Test
	void aWeakStartIsNotRescuedByWhatFollowsTheEstimatedPrefix() {
		String weakStart = "password".repeat(4);

		assertThat(codes(weakStart + " purple tractor singing in rain")).containsExactly("easy-to-guess");
		assertThat(codes(GOOD + " " + weakStart)).isEmpty();
	}

	@Test
	void theLongestL33tPasswordIsEstimatedQuickly() {
		SecureRandom random = new SecureRandom();
		String l33t = "4@8({[<3691!|70$5+%2";
		String password = random.ints(128, 0, l33t.length())
			.mapToObj((i) -> String.valueOf(l33t.charAt(i)))
			.collect(Collectors.joining());

		long start = System.nanoTime();
		this.policy.check(password, password, null);

		// Unbounded, zxcvbn needs tens of seconds for this on a busy machine.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aFloorOfZeroTurnsTheEstimateOff() {
		PasswordPolicy noFloor = TestPasswords.policy(new PasswordProperties(15, 128, 10, 1, 0), this.hasher, breached);

		assertThat(noFloor.check("passwordpassword", "passwordpassword", null)).isEmpty();
	}

	@Test
	void aBreachedPasswordIsRefusedButTheCheckRunsOnlyForOtherwiseGoodPasswords() {
		AtomicInteger calls = new AtomicInteger();
		CompromisedPasswords everythingBreached = new CompromisedPasswords((password) -> {
			calls.incrementAndGet();
			return new CompromisedPasswordDecision(true);
		});
		PasswordPolicy withBreachCheck = new PasswordPolicy(TestPasswords.properties(), this.hasher, breached,
				TestPasswords.GUESSES, everythingBreached);

		assertThat(withBreachCheck.check(GOOD, GOOD, null)).extracting(PolicyViolation::code)
			.containsExactly("breached");
		assertThat(withBreachCheck.check(GOOD, "something else", null)).extracting(PolicyViolation::code)
			.containsExactly("mismatch");
		assertThat(withBreachCheck.check("short", "short", null)).extracting(PolicyViolation::code)
			.containsExactly("too-short");
		assertThat(calls).hasValue(1);
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
		PasswordPolicy shortPolicy = TestPasswords.policy(TestPasswords.properties(8), this.hasher, breached);

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
		PasswordPolicy noHistory = TestPasswords.policy(new PasswordProperties(15, 128, 10, 0), this.hasher, breached);

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
