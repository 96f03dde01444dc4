package org.accountsecurity.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class AuditDetailsTests {

	@Test
	void noneIsStoredAsNull() {
		assertThat(AuditDetails.NONE.json()).isNull();
		assertThat(AuditDetails.NONE.with("trigger", (String) null).json()).isNull();
		assertThat(AuditDetails.parse(null)).isEqualTo(AuditDetails.NONE);
	}

	@Test
	void valuesAreTypedAndReadBackInTheirOrder() {
		AuditDetails details = AuditDetails.NONE.with("trigger", "forgot")
			.with("expiresAt", Instant.parse("2026-05-01T10:30:00.123456Z"))
			.with("attempt", 3);

		String json = details.json();

		assertThat(json).isEqualTo("{\"trigger\":\"forgot\",\"expiresAt\":\"2026-05-01T10:30:00.123Z\",\"attempt\":3}");
		AuditDetails read = AuditDetails.parse(json);
		assertThat(read).isEqualTo(details);
		assertThat(read.values()).containsExactly(entry("trigger", "forgot"),
				entry("expiresAt", "2026-05-01T10:30:00.123Z"), entry("attempt", 3L));
		assertThat(read.instant("expiresAt")).isEqualTo(Instant.parse("2026-05-01T10:30:00.123Z"));
		assertThat(read.text("attempt")).isEqualTo("3");
		assertThat(read.instant("trigger")).isNull();
		assertThat(read.text("missing")).isNull();
	}

	@Test
	void textIsNeutralisedAndCut() {
		AuditDetails details = AuditDetails.NONE.with("via", "a\r\n\"b\"" + "x".repeat(300));

		assertThat(details.text("via")).startsWith("a\\u000d\\u000a\"b\"").hasSize(AuditDetails.MAX_TEXT);
		assertThat(details.json()).doesNotContain("\r", "\n").startsWith("{\"via\":\"a\\\\u000d\\\\u000a\\\"b\\\"");
		assertThat(AuditDetails.parse(details.json())).isEqualTo(details);
	}

	@Test
	void keysAreShortNamesChosenByCode() {
		for (String key : new String[] { null, "", "Trigger", "with space", "a\"b", "x".repeat(33), "1st" }) {
			assertThatIllegalArgumentException().as(String.valueOf(key))
				.isThrownBy(() -> AuditDetails.NONE.with(key, 1));
		}
	}

	@Test
	void tooMuchIsCutToTheBudgetAndSaysSo() {
		AuditDetails details = AuditDetails.NONE;
		for (int i = 0; i < 10; i++) {
			details = details.with("key" + i, "ü".repeat(AuditDetails.MAX_TEXT));
		}

		String json = details.json();

		assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AuditDetails.MAX_BYTES);
		AuditDetails stored = AuditDetails.parse(json);
		assertThat(stored.values()).containsKeys("key0", "key1").doesNotContainKey("key9");
		assertThat(stored.values().get("truncated")).isEqualTo((long) (10 - stored.values().size() + 1));
	}

}
