package org.accountsecurity.secondfactor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.accountsecurity.support.Authenticator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238's SHA-1 test vectors (the last six digits), drift, and the base32 form. */
class TotpCodesTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheRfcTestVectors() {
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59))).hasValue(1);
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", Instant.ofEpochSecond(1111111109)))
			.hasValue(1111111109L / 30);
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "050471", Instant.ofEpochSecond(1111111111)))
			.hasValue(1111111111L / 30);
	}

	@Test
	void acceptsOneStepOfDriftEitherWayAndNoMore() {
		Instant at = Instant.ofEpochSecond(1111111109);
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", at.plusSeconds(30))).isPresent();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", at.minusSeconds(30))).isPresent();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", at.plusSeconds(31))).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", at.minusSeconds(60))).isEmpty();
	}

	@Test
	void refusesAnythingButSixDigits() {
		Instant at = Instant.ofEpochSecond(59);
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "94287082", at)).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "28708", at)).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, null, at)).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SECRET, "287 082", at)).isPresent();
	}

	@Test
	void newSecretsAre160BitsAndRoundTripThroughBase32() {
		byte[] secret = TotpCodes.newSecret();
		assertThat(secret).hasSize(20);
		assertThat(Authenticator.decode(Base32.encode(secret))).isEqualTo(secret);
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
	}

}
