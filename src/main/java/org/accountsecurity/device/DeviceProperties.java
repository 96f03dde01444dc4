package org.accountsecurity.device;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.device.*}: the keys that sign device cookies and other device-bound tokens
 * ({@code KEYID:BASE64SECRET}, newest first), the cookie's lifetime, and how many
 * accounts one browser's cookie names at most (the most recent ones).
 */
@Validated
@ConfigurationProperties("app.device")
public record DeviceProperties(List<String> signingKeys, @DefaultValue("P365D") @NotNull Duration cookieMaxAge,
		@DefaultValue("5") @Min(1) @Max(20) int accountsPerBrowser) {

	static final String SIGNING_KEYS = "app.device.signing-keys";

}
