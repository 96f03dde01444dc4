package org.accountsecurity.securityevents;

import org.accountsecurity.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link DeliveryLeaseContract} on H2, in the shared context. */
class DeliveryLeaseIntegrationTests extends IntegrationTest implements DeliveryLeaseContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}
