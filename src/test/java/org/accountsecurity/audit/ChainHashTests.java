package org.accountsecurity.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	static final String DIGEST = "6b52726fac4f21df4fa86ac4540f3cadd6e443125490220276c34b749df02d00";

	/** Computed by ChainHash as it was before events had details (V6__audit_details). */
	static final String HASH_BEFORE_DETAILS = "3eb617e527d9bc5c03b2fccf075edca6ab300e6cce8cca5c2496e7aee588561c";

	@Test
	void anEventWithoutDetailsHashesAsBeforeDetailsExisted() {
		assertThat(ChainHash.personalDigest("00112233445566778899aabbccddeeff", "6f1c1f0e-8a47-4c3b-9d7a-2b1f1a7d9e01",
				null, "203.0.113.0/24", "JUnit", null))
			.isEqualTo(DIGEST);
		assertThat(core(null)).isEqualTo(HASH_BEFORE_DETAILS);
		assertThat(ChainHash.of(ChainHash.GENESIS, 1, 1777629600000L, "SIGN_IN_FAILED", "FAILURE", "bad_credentials",
				"self", "req-1", DIGEST))
			.isEqualTo(HASH_BEFORE_DETAILS);
	}

	@Test
	void detailsArePartOfTheCore() {
		String withDetails = core("{\"count\":3}");
		assertThat(withDetails).isNotEqualTo(HASH_BEFORE_DETAILS)
			.isNotEqualTo(core("{\"count\":4}"))
			.isNotEqualTo(core("{}"))
			.isNotEqualTo(core(""))
			.isEqualTo(core("{\"count\":3}"));
	}

	private static String core(String details) {
		return ChainHash.of(ChainHash.GENESIS, 1, 1777629600000L, "SIGN_IN_FAILED", "FAILURE", "bad_credentials",
				"self", "req-1", DIGEST, details);
	}

}
