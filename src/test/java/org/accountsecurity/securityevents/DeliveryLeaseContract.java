package org.accountsecurity.securityevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditFeed;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.securityevents.TestReceiver.Received;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail as a queue, on the database of the implementing class: an event still
 * uncommitted holds back every later one (the chain head's lock), so a cursor never skips
 * it. Several instances and one receiver: one lease holder at a time, so each event is
 * delivered once while nobody crashes, and an instance that stops without a word is
 * replaced once its lease ran out, from where it stopped.
 */
interface DeliveryLeaseContract {

	JsonMapper JSON = JsonMapper.builder().build();

	/** The running service on the implementing class's database. */
	ApplicationContext context();

	default DeliveryCursors cursors() {
		return context().getBean(DeliveryCursors.class);
	}

	default AuditFeed feed() {
		return context().getBean(AuditFeed.class);
	}

	default AuditLog audit() {
		return context().getBean(AuditLog.class);
	}

	default ReceiverClient client() {
		return context().getBean(ReceiverClient.class);
	}

	default DeliveryOutcomes outcomes() {
		return context().getBean(DeliveryOutcomes.class);
	}

	default EventsProperties properties() {
		return context().getBean(EventsProperties.class);
	}

	default TestClock clock() {
		return context().getBean(TestClock.class);
	}

	default TransactionTemplate transactions() {
		return context().getBean(TransactionTemplate.class);
	}

	@Test
	default void anEventStillUncommittedHoldsBackEveryLaterOneSoTheHeadNeverPassesIt() throws Exception {
		UUID account = UUID.randomUUID();
		long before = feed().lastId();
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> transactions().execute(status -> {
			long id = record(account);
			recorded.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return id;
		}));
		assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Long> later = CompletableFuture.supplyAsync(() -> record(account));

		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !later.isDone());
		assertThat(feed().after(before, feed().lastId(), Set.of(AuditEventType.DPA_ACCEPTED), 1000))
			.noneMatch(event -> account.equals(event.accountId()));
		release.countDown();

		assertThat(slow.get(10, TimeUnit.SECONDS)).isLessThan(later.get(10, TimeUnit.SECONDS));
		assertThat(feed().lastId()).isGreaterThanOrEqualTo(later.get());
		assertThat(feed().after(before, feed().lastId(), Set.of(AuditEventType.DPA_ACCEPTED), 1000)
			.stream()
			.filter(event -> account.equals(event.accountId()))
			.map(event -> event.id())).containsExactly(slow.get(), later.get());
	}

	@Test
	default void ofEightInstancesClaimingAtOnceExactlyOneGetsTheLease() {
		Target target = target(new TestReceiver(204));
		cursors().ensure(target, feed().lastId(), clock().instant());
		Instant now = clock().instant();

		List<Boolean> won = Race.run(8,
				i -> cursors().claim(target.key(), "instance-" + i, now, now.plus(Duration.ofMinutes(1))));

		assertThat(won.stream().filter(Boolean::booleanValue)).hasSize(1);
	}

	@Test
	default void twoInstancesStartedAtOnceDeliverEachEventExactlyOnceInOrder() {
		TestReceiver receiver = new TestReceiver(204);
		Target target = target(receiver);
		UUID account = UUID.randomUUID();
		List<TargetDelivery> instances = List.of(delivery(target, "instance-a"), delivery(target, "instance-b"));
		instances.forEach(TargetDelivery::start);
		for (int i = 0; i < 20; i++) {
			record(account);
		}

		Race.run(2, i -> {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
				instances.get(i).deliverDue();
				return received(receiver, account).size() >= 20;
			});
			return null;
		});

		List<Long> ids = received(receiver, account).stream()
			.map(received -> JSON.readTree(received.body()).get("eventId").asLong())
			.toList();
		assertThat(ids).hasSize(20).doesNotHaveDuplicates().isSorted();
		receiver.stop();
	}

	@Test
	default void anInstanceThatStoppedIsReplacedOnceItsLeaseRanOutAndNothingIsLostOrRepeated() {
		TestReceiver receiver = new TestReceiver(204);
		Target target = target(receiver);
		UUID account = UUID.randomUUID();
		TargetDelivery first = delivery(target, "instance-crashed");
		TargetDelivery second = delivery(target, "instance-survivor");
		first.start();
		for (int i = 0; i < 3; i++) {
			record(account);
		}
		first.deliverDue();
		assertThat(received(receiver, account)).hasSize(3);
		for (int i = 0; i < 3; i++) {
			record(account);
		}
		second.deliverDue();
		assertThat(received(receiver, account)).as("the first instance's lease holds").hasSize(3);
		try {
			clock().advance(properties().lease().plusSeconds(1));
			second.deliverDue();
		}
		finally {
			clock().reset();
		}

		assertThat(received(receiver, account)).hasSize(6)
			.extracting(received -> JSON.readTree(received.body()).get("eventId").asLong())
			.doesNotHaveDuplicates()
			.isSorted();
		receiver.stop();
	}

	private Target target(TestReceiver receiver) {
		URI url = URI.create(receiver.url("/lease/" + UUID.randomUUID()));
		return new Target(Target.keyOf("webhook", url), "lease-test", url, Set.of(AuditEventType.DPA_ACCEPTED), 3,
				new WebhookEncoder(
						new WebhookSignature("a test secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8))));
	}

	private TargetDelivery delivery(Target target, String owner) {
		return new TargetDelivery(target, owner, cursors(), feed(), client(), outcomes(), properties(), clock());
	}

	private long record(UUID account) {
		return audit().record(new AuditEntry(AuditEventType.DPA_ACCEPTED, Outcome.SUCCESS, null, AuditEntry.SELF,
				account, null, RequestOrigin.SYSTEM));
	}

	private static List<Received> received(TestReceiver receiver, UUID account) {
		return receiver.received().stream().filter(received -> received.body().contains(account.toString())).toList();
	}

}
