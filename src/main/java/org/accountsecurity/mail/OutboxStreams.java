package org.accountsecurity.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The outbox's Redis keys and every operation on them. Each move between keys is one Lua
 * script ({@link OutboxScripts}), so a message is never in two places or none; all keys
 * share the hash tag {@code {outbox}}, so the scripts run on Redis Cluster.
 */
final class OutboxStreams {

	static final String STREAM = "{outbox}:mail";

	static final String RETRY = "{outbox}:retry";

	static final String DEAD = "{outbox}:dead";

	static final String ONCE_PREFIX = "{outbox}:once:";

	static final String GROUP = "mailers";

	static final String KIND = "_kind";

	static final String ATTEMPT = "_attempt";

	/** Dead letters keep personal data (the account id); keep only the newest ones. */
	private static final String DEAD_MAX_LENGTH = "10000";

	private final StringRedisTemplate redis;

	OutboxStreams(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** One XADD; the stream is created if it does not exist yet. */
	String add(OutboxMessage message) {
		Map<String, String> fields = new HashMap<>(message.fields());
		fields.put(KIND, message.kind());
		return redis.opsForStream().add(StreamRecords.newRecord().in(STREAM).ofMap(fields)).getValue();
	}

	/**
	 * One XADD unless a message with {@code key} was added within {@code remember}; true
	 * if this call added it.
	 */
	boolean addOnce(String key, OutboxMessage message, Duration remember) {
		List<String> args = new ArrayList<>();
		args.add(Long.toString(remember.toMillis()));
		message.fields().forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		args.add(KIND);
		args.add(message.kind());
		return orZero(redis.execute(OutboxScripts.ADD_ONCE, List.of(STREAM, ONCE_PREFIX + key), args.toArray())) == 1L;
	}

	/**
	 * Creates the consumer group (and the stream) unless it exists; from id 0, so no
	 * earlier message is missed.
	 */
	void createGroup() {
		redis.execute(OutboxScripts.CREATE_GROUP, List.of(STREAM), GROUP);
	}

	/**
	 * New messages for {@code consumer}, waiting up to {@code block} for one to arrive.
	 */
	@SuppressWarnings("unchecked")
	List<MapRecord<String, Object, Object>> readNew(String consumer, int count, Duration block) {
		return orEmpty(redis.opsForStream()
			.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(count).block(block),
					StreamOffset.create(STREAM, ReadOffset.lastConsumed())));
	}

	/**
	 * Messages delivered to {@code consumer} but not acknowledged yet: left over, or
	 * reclaimed from others.
	 */
	@SuppressWarnings("unchecked")
	List<MapRecord<String, Object, Object>> readPending(String consumer, int count) {
		return orEmpty(redis.opsForStream()
			.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(count),
					StreamOffset.create(STREAM, ReadOffset.from("0"))));
	}

	void done(String id) {
		redis.execute(OutboxScripts.DONE, List.of(STREAM), GROUP, id);
	}

	void retryLater(String id, int nextAttempt, Duration delay) {
		redis.execute(OutboxScripts.RETRY_LATER, List.of(STREAM, RETRY), GROUP, id, Integer.toString(nextAttempt),
				Long.toString(delay.toMillis()));
	}

	void moveToDead(String id, int attempts, String reason) {
		redis.execute(OutboxScripts.MOVE_TO_DEAD, List.of(STREAM, DEAD), GROUP, id, Integer.toString(attempts), reason,
				DEAD_MAX_LENGTH);
	}

	/** Moves retries that are due back into the stream and says how many. */
	long requeueDue(int limit) {
		return orZero(redis.execute(OutboxScripts.REQUEUE_DUE, List.of(RETRY, STREAM), Integer.toString(limit)));
	}

	/**
	 * Takes over messages that other consumers left unacknowledged for longer than
	 * {@code minIdle}.
	 */
	long reclaim(String consumer, Duration minIdle) {
		return orZero(redis.execute(OutboxScripts.RECLAIM, List.of(STREAM), GROUP, consumer,
				Long.toString(minIdle.toMillis())));
	}

	/**
	 * Whether message {@code id} is still pending for {@code consumer}; if so its idle
	 * time starts again (see {@code app.mail.claim-after}).
	 */
	boolean take(String consumer, String id) {
		return orZero(redis.execute(OutboxScripts.TAKE, List.of(STREAM), GROUP, consumer, id)) == 1L;
	}

	long pruneConsumers(String self, Duration idle) {
		return orZero(redis.execute(OutboxScripts.PRUNE_CONSUMERS, List.of(STREAM), GROUP, self,
				Long.toString(idle.toMillis())));
	}

	/**
	 * Messages waiting to be sent: in the stream (new or being sent) plus those waiting
	 * for a retry.
	 */
	long depth() {
		return orZero(redis.execute(OutboxScripts.DEPTH, List.of(STREAM, RETRY)));
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

	private static List<MapRecord<String, Object, Object>> orEmpty(List<MapRecord<String, Object, Object>> records) {
		return records == null ? List.of() : records;
	}

}
