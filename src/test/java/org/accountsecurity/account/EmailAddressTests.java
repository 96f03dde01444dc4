package org.accountsecurity.account;

import org.accountsecurity.requester.EmailAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

	@Test
	void caseAndSurroundingSpaceDoNotMatter() {
		assertThat(EmailAddress.key(EmailAddress.parse(" MIKE@Example.ORG ").orElseThrow()))
			.isEqualTo(EmailAddress.key("mike@example.org"));
	}

	@Test
	void unicodeCaseMappingLookalikesGetOtherKeys() {
		String mike = EmailAddress.key("mike@example.org");
		assertThat(EmailAddress.key("mıke@example.org")).isNotEqualTo(mike); // U+0131
																				// dotless
																				// i
		assertThat(EmailAddress.key("MİKE@example.org")).isNotEqualTo(mike); // U+0130
																				// dotted
																				// capital
																				// I
		assertThat(EmailAddress.key("mike@example.org")).isEqualTo(mike);
	}

	@Test
	void compatibilityFormsFoldToTheirPlainLetters() {
		// NFKC: the Kelvin sign and the fi ligature find the plain account; mail still
		// goes to the stored address.
		assertThat(EmailAddress.key("\u212Aim@example.org")).isEqualTo(EmailAddress.key("kim@example.org"));
		assertThat(EmailAddress.key("\uFB01sh@example.org")).isEqualTo(EmailAddress.key("fish@example.org"));
	}

	@Test
	void controlCharactersArraysAndOversizedInputAreNotAddresses() {
		assertThat(EmailAddress.parse("victim@x.test\r\nBcc: attacker@x.test")).isEmpty();
		assertThat(EmailAddress.parse("a@b.test,c@d.test")).isEmpty();
		assertThat(EmailAddress.parse("a,c@d.test")).isEmpty();
		assertThat(EmailAddress.parse("Ada <ada@example.com>")).isEmpty();
		assertThat(EmailAddress.parse("victim@x.test attacker@x.test")).isEmpty();
		assertThat(EmailAddress.parse("x".repeat(10_000) + "@example.org")).isEmpty();
		assertThat(EmailAddress.parse("' OR 1=1--")).isEmpty();
		assertThat(EmailAddress.parse(null)).isEmpty();
		assertThat(EmailAddress.parse("")).isEmpty();
	}

	@Test
	void masksAllButTheFirstLetterOfTheLocalPart() {
		assertThat(EmailAddress.mask("ada@example.com")).isEqualTo("a***@example.com");
	}

}
