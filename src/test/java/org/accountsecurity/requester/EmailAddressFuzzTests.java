package org.accountsecurity.requester;

import java.util.Locale;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes parsing typed addresses and their lookup keys (make test replays the inputs
 * under {@code EmailAddressFuzzTestsInputs}; make fuzz mutates them): any Unicode, any
 * length. Parsing never throws and accepts only one bounded mailbox without control
 * characters; the key is stable (keying a key changes nothing) and folds ASCII case.
 */
class EmailAddressFuzzTests {

	@FuzzTest(maxDuration = "5m")
	void parsingAcceptsOnlyOneBoundedMailbox(String typed) {
		Optional<String> parsed = EmailAddress.parse(typed);
		parsed.ifPresent((address) -> {
			assertThat(address).isEqualTo(address.strip()).hasSizeLessThanOrEqualTo(EmailAddress.MAX_LENGTH);
			assertThat(address.chars().filter((c) -> c == '@')).hasSize(1);
			assertThat(address.codePoints().noneMatch(Character::isISOControl)).isTrue();
			assertThat(address).doesNotContain("\r", "\n", ",", ";", "<", ">", "\"");
		});
	}

	@FuzzTest(maxDuration = "5m")
	void theLookupKeyIsStableAndFoldsAsciiCase(FuzzedDataProvider data) {
		String local = data.consumeString(64);
		String domain = data.consumeRemainingAsString();
		Optional<String> parsed = EmailAddress.parse(local + "@" + domain + ".example");
		if (parsed.isEmpty()) {
			return;
		}
		String address = parsed.get();
		String key = EmailAddress.key(address);
		assertThat(EmailAddress.key(key)).as("a key keyed again").isEqualTo(key);
		assertThat(key).isEqualTo(key.toLowerCase(Locale.ROOT));
		if (address.chars().allMatch((c) -> c < 128)) {
			assertThat(EmailAddress.key(address.toUpperCase(Locale.ROOT))).isEqualTo(key);
		}
		String masked = EmailAddress.mask(address);
		assertThat(masked).endsWith(address.substring(address.lastIndexOf('@')));
		assertThat(masked.length()).isLessThanOrEqualTo(address.length() - address.lastIndexOf('@') + 5);
	}

}
