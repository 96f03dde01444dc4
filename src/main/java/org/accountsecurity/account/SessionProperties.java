package org.accountsecurity.account;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of signed-in sessions ({@code app.session.*}).
 *
 * @param maxAge how long after sign-in a session ends, however active it is (the idle
 * timeout ends it earlier)
 */
@ConfigurationProperties("app.session")
@Validated
public record SessionProperties(
		@DefaultValue("PT12H") @NotNull @DurationMin(minutes = 1) @DurationMax(days = 30) Duration maxAge) {
}
