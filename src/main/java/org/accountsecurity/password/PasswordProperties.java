package org.accountsecurity.password;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the password policy and of BCrypt ({@code app.password.*}), checked at
 * start-up so that a bad value stops the service instead of weakening it.
 *
 * @param minLength fewest code points a new password may have (NIST 800-63B-4: 15 when it
 * is the only factor)
 * @param maxLength most code points a new password may have; caps the work done per
 * request
 * @param bcryptCost BCrypt log2 cost; at most 30 because 31 overflows in Spring Security
 * (CVE-2022-22976)
 * @param history how many recent passwords (the current one included) a new password must
 * differ from; 0 turns the check off
 * @param minGuesses fewest guesses zxcvbn must estimate for a new password; 1e8 is its
 * score 3, 0 turns the check off, and more than 1e12 would refuse good passphrases
 */
@ConfigurationProperties("app.password")
@Validated
public record PasswordProperties(@DefaultValue("15") @Min(8) int minLength,
		@DefaultValue("128") @Max(1024) int maxLength, @DefaultValue("12") @Min(10) @Max(30) int bcryptCost,
		@DefaultValue("1") @Min(0) @Max(24) int history,
		@DefaultValue("1e8") @DecimalMin("0") @DecimalMax("1e12") double minGuesses) {

	/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses. */
	public static final double DEFAULT_MIN_GUESSES = 1e8;

	@ConstructorBinding
	public PasswordProperties {
	}

	/**
	 * Settings with the default guess floor, for code that predates it.
	 * @param minLength fewest code points
	 * @param maxLength most code points
	 * @param bcryptCost BCrypt log2 cost
	 * @param history recent passwords that may not be reused
	 */
	public PasswordProperties(int minLength, int maxLength, int bcryptCost, int history) {
		this(minLength, maxLength, bcryptCost, history, DEFAULT_MIN_GUESSES);
	}

	/**
	 * Tells the validator whether the length range is usable.
	 * @return whether {@code minLength <= maxLength}
	 */
	@AssertTrue(message = "app.password.min-length must not be greater than app.password.max-length")
	public boolean isLengthRangeValid() {
		return this.minLength <= this.maxLength;
	}

}
