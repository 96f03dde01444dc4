package org.accountsecurity.securityevents;

import org.accountsecurity.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link DeliveryLeaseContract} on PostgreSQL (skipped when none answers). */
class DeliveryLeasePostgresIntegrationTests extends PostgresIntegrationTest implements DeliveryLeaseContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}
