package org.accountsecurity.lockdown;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.lockdown.*}: whether a sign-in from a browser new to the account is mailed
 * and audited ({@code new-device-alerts}; the device cookie is set either way), how long
 * the "This wasn't me" link of that mail works, and for how long sign-ins of one account
 * from the same client address and user agent without a device cookie share one alert
 * (parallel sign-ins of one new browser).
 */
@Validated
@ConfigurationProperties("app.lockdown")
public record LockdownProperties(@DefaultValue("true") boolean newDeviceAlerts,
		@DefaultValue("P7D") @NotNull Duration tokenTtl, @DefaultValue("PT1M") @NotNull Duration alertWindow) {
}
