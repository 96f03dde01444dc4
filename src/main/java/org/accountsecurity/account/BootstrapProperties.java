package org.accountsecurity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first operator, created at start-up when no operator exists yet. */
@ConfigurationProperties("app.bootstrap")
public record BootstrapProperties(String operatorEmail, String operatorPassword) {
}
