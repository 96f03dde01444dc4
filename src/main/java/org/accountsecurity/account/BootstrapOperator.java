package org.accountsecurity.account;

import java.util.Set;

import org.accountsecurity.account.Account.Role;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the operator named by {@code app.bootstrap.*} when the service has no operator
 * yet.
 */
@Component
class BootstrapOperator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapOperator.class);

	private final BootstrapProperties properties;

	private final Accounts accounts;

	private final AccountService service;

	BootstrapOperator(BootstrapProperties properties, Accounts accounts, AccountService service) {
		this.properties = properties;
		this.accounts = accounts;
		this.service = service;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.operatorEmail() == null || properties.operatorPassword() == null
				|| accounts.anyWithRole(Role.OPERATOR)) {
			return;
		}
		service.create(new NewAccount(properties.operatorEmail(), "Operator", Language.EN,
				properties.operatorPassword(), Set.of(Role.USER, Role.OPERATOR)), AuditEntry.SYSTEM,
				RequestOrigin.SYSTEM);
		log.info("Created the bootstrap operator from app.bootstrap.operator-email");
	}

}
