package org.accountsecurity.secondfactor;

import org.accountsecurity.system.PublicBaseUrl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relying party id and the one allowed origin, as browsers write the origin: no
 * default port, no path, lower case.
 */
class PasskeyRelyingPartyTests {

	@Test
	void theOriginIsWrittenAsBrowsersSendIt() {
		assertThat(of("https://accounts.example.com"))
			.isEqualTo(rp("accounts.example.com", "https://accounts.example.com"));
		assertThat(of("https://Accounts.Example.com:443/base/"))
			.isEqualTo(rp("accounts.example.com", "https://accounts.example.com"));
		assertThat(of("https://accounts.example.com:8443"))
			.isEqualTo(rp("accounts.example.com", "https://accounts.example.com:8443"));
		assertThat(of("http://localhost:8080")).isEqualTo(rp("localhost", "http://localhost:8080"));
		assertThat(of("http://localhost:80")).isEqualTo(rp("localhost", "http://localhost"));
		assertThat(of("http://localhost:443")).isEqualTo(rp("localhost", "http://localhost:443"));
	}

	@Test
	void namesAreCheckedAndTrimmed() {
		assertThat(PasskeyName.clean("  Laptop  ")).hasValue("Laptop");
		assertThat(PasskeyName.clean("😀".repeat(64))).isPresent();
		assertThat(PasskeyName.clean("😀".repeat(65))).isEmpty();
		assertThat(PasskeyName.clean("a\u200Bb")).isEmpty();
		assertThat(PasskeyName.clean(null)).isEmpty();
	}

	private static PasskeyRelyingParty of(String base) {
		return PasskeyRelyingParty.of(new PublicBaseUrl(base));
	}

	private static PasskeyRelyingParty rp(String id, String origin) {
		return new PasskeyRelyingParty(id, origin);
	}

}
