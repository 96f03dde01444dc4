package org.accountsecurity.audit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Audit settings: how long events are kept. How requesters are stored
 * ({@code app.audit.client-address}, {@code .pseudonym-key}) is
 * {@code requester.RequesterProperties}.
 */
@ConfigurationProperties("app.audit")
@Validated
public record AuditProperties(@DefaultValue("P400D") @NotNull Duration retention) {

}
