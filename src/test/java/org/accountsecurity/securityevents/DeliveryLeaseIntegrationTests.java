package org.accountsecurity.securityevents;

import org.accountsecurity.audit.AuditFeed;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link DeliveryLeaseContract} on H2, in the shared context. */
class DeliveryLeaseIntegrationTests extends IntegrationTest implements DeliveryLeaseContract {

	@Autowired
	DeliveryCursors cursors;

	@Autowired
	AuditFeed feed;

	@Autowired
	AuditLog audit;

	@Autowired
	ReceiverClient client;

	@Autowired
	DeliveryOutcomes outcomes;

	@Autowired
	EventsProperties properties;

	@Autowired
	TestClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Override
	public DeliveryCursors cursors() {
		return cursors;
	}

	@Override
	public AuditFeed feed() {
		return feed;
	}

	@Override
	public AuditLog audit() {
		return audit;
	}

	@Override
	public ReceiverClient client() {
		return client;
	}

	@Override
	public DeliveryOutcomes outcomes() {
		return outcomes;
	}

	@Override
	public EventsProperties properties() {
		return properties;
	}

	@Override
	public TestClock clock() {
		return clock;
	}

	@Override
	public TransactionTemplate transactions() {
		return transactions;
	}

}
