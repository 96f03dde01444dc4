package org.accountsecurity.password;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreachedPasswordsTests {

	private static final BreachedPasswords LIST = new BreachedPasswords();

	@Test
	void holdsAtLeastThirtyThousandEntries() {
		assertThat(LIST.size()).isGreaterThanOrEqualTo(30_000);
	}

	@Test
	void containsTheUsualSuspectsWhateverTheirCase() {
		assertThat(LIST.contains("123456")).isTrue();
		assertThat(LIST.contains("password")).isTrue();
		assertThat(LIST.contains("PassWord")).isTrue();
		assertThat(LIST.contains("QWERTY")).isTrue();
	}

	@Test
	void comparesWholePasswordsNotSubstrings() {
		assertThat(LIST.contains("my password is a purple tractor")).isFalse();
		assertThat(LIST.contains("password ")).isFalse();
	}

	@Test
	void nullIsNotListed() {
		assertThat(LIST.contains(null)).isFalse();
	}

	@Test
	void aGivenListIsStoredLowerCaseWithoutDuplicates() {
		BreachedPasswords list = new BreachedPasswords(List.of("Hunter2", "hunter2", "trustno1"));

		assertThat(list.size()).isEqualTo(2);
		assertThat(list.contains("HUNTER2")).isTrue();
	}

}
