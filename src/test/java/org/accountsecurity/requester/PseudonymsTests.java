package org.accountsecurity.requester;

import java.util.List;

import org.accountsecurity.requester.RequesterProperties.ClientAddressMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Session handles: opaque, stable per session and key, and nothing of the id in them. */
class PseudonymsTests {

	static final String SESSION_ID = "0b4e7a5c-3f0e-4a55-9a3e-2f6a1d2c9e11";

	final Pseudonyms pseudonyms = new Pseudonyms(new RequesterProperties(ClientAddressMode.TRUNCATE, "key one"),
			List.of());

	@Test
	void aSessionHandleIsStableOpaqueAndKeyed() {
		String handle = pseudonyms.ofSessionId(SESSION_ID);

		assertThat(handle).matches("[0-9a-f]{32}").isEqualTo(pseudonyms.ofSessionId(SESSION_ID));
		assertThat(handle).isNotEqualTo(pseudonyms.ofSessionId(SESSION_ID.replace('1', '2')));
		assertThat(SESSION_ID.replace("-", "")).doesNotContain(handle.substring(0, 8));
		Pseudonyms otherKey = new Pseudonyms(new RequesterProperties(ClientAddressMode.TRUNCATE, "key two"), List.of());
		assertThat(otherKey.ofSessionId(SESSION_ID)).isNotEqualTo(handle);
		assertThat(pseudonyms.ofClientAddress(SESSION_ID)).doesNotContain(handle);
	}

}
