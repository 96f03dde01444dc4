package org.accountsecurity.dev;

import java.util.List;
import java.util.Set;

import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.env.Environment;

/**
 * Seeds one demo account per language and an operator, and prints them with the dev ports
 * at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** The demo accounts; README lists the same. */
	public static final List<Demo> ALL = List.of(
			new Demo("ada@example.com", "Ada Lovelace", Language.EN, "silver maple river 42", Set.of(Role.USER)),
			new Demo("jonas@example.com", "Jonas Becker", Language.DE, "grüne Wiese am Bach 7", Set.of(Role.USER)),
			new Demo("zofia@example.com", "Zofia Nowak", Language.PL, "żółty rower nad Wisłą", Set.of(Role.USER)),
			new Demo("operator@example.com", "Olga Operator", Language.EN, "audit trail keeper 2026",
					Set.of(Role.USER, Role.OPERATOR)));

	private final AccountService service;

	private final Accounts accounts;

	private final Environment env;

	DemoAccounts(AccountService service, Accounts accounts, Environment env) {
		this.service = service;
		this.accounts = accounts;
		this.env = env;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Demo demo : ALL) {
			if (accounts.findByEmail(demo.email()).isEmpty()) {
				service.create(
						new NewAccount(demo.email(), demo.name(), demo.language(), demo.password(), demo.roles()),
						AuditEntry.SYSTEM, RequestOrigin.SYSTEM);
			}
		}
		StringBuilder banner = new StringBuilder("\n\n  Account Security Service — local mode\n");
		banner.append("  Open           ").append(env.getProperty("app.public-base-url")).append('\n');
		banner.append("  Dev mailbox    ").append(env.getProperty("app.public-base-url")).append("/dev/mail\n");
		banner.append("  SMTP / IMAP    127.0.0.1:")
			.append(env.getProperty("spring.mail.port"))
			.append(" / 127.0.0.1:")
			.append(env.getProperty("app.dev.imap-port"))
			.append('\n');
		banner.append("  Redis          127.0.0.1:").append(env.getProperty("spring.data.redis.port")).append('\n');
		banner.append("  Database       ").append(env.getProperty("spring.datasource.url")).append("\n\n");
		banner.append("  Demo accounts (e-mail / password / language):\n");
		ALL.forEach(d -> banner.append(String.format("    %-22s %-26s %s%s%n", d.email(), d.password(),
				d.language().code(), d.roles().contains(Role.OPERATOR) ? "  (operator)" : "")));
		log.info(banner.toString());
	}

	/** One demo account. */
	public record Demo(String email, String name, Language language, String password, Set<Role> roles) {
	}

}
