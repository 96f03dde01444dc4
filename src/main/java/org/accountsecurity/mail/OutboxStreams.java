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
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The outbox's Redis keys and every operation on them. Each move between keys is one Lua
 * script, so a message is never in two places or none; all keys share the hash tag
 * {@code {outbox}}, so the scripts run on Redis Cluster.
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

	// XADD unless the key says this message was queued already: a retry after a lost
	// reply queues nothing.
	private static final RedisScript<Long> ADD_ONCE = RedisScript.of("""
			if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 0 end
			redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
			return 1
			""", Long.class);

	private static final RedisScript<Long> CREATE_GROUP = RedisScript.of("""
			local reply = redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
			if type(reply) == 'table' and reply.err then
			  if string.find(reply.err, 'BUSYGROUP', 1, true) then return 0 end
			  return redis.error_reply(reply.err)
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> DONE = RedisScript.of("""
			redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			return redis.call('XDEL', KEYS[1], ARGV[2])
			""", Long.class);

	private static final String NOW = """
			local clock = redis.call('TIME')
			local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
			""";

	private static final String COPY_FIELDS = """
			local function copy(fields, replaced)
			  local result = {}
			  for i = 1, #fields, 2 do
			    if not replaced[fields[i]] then
			      result[#result + 1] = fields[i]
			      result[#result + 1] = fields[i + 1]
			    end
			  end
			  return result
			end
			""";

	// The retry set's member carries the stream id, so two equal messages stay two
	// members.
	private static final RedisScript<Long> RETRY_LATER = RedisScript.of(
			NOW + COPY_FIELDS
					+ """
							local entries = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
							if #entries == 1 then
							  local fields = copy(entries[1][2], {['_attempt'] = true})
							  fields[#fields + 1] = '_attempt'
							  fields[#fields + 1] = ARGV[3]
							  redis.call('ZADD', KEYS[2], string.format('%.0f', now + tonumber(ARGV[4])), cjson.encode({ARGV[2], fields}))
							end
							redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
							redis.call('XDEL', KEYS[1], ARGV[2])
							return #entries
							""",
			Long.class);

	private static final RedisScript<Long> MOVE_TO_DEAD = RedisScript.of(COPY_FIELDS + """
			local entries = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
			if #entries == 1 then
			  local fields = copy(entries[1][2], {['_attempt'] = true, ['_id'] = true, ['_reason'] = true})
			  for _, extra in ipairs({'_attempt', ARGV[3], '_id', ARGV[2], '_reason', ARGV[4]}) do
			    fields[#fields + 1] = extra
			  end
			  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(fields))
			end
			redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			redis.call('XDEL', KEYS[1], ARGV[2])
			return #entries
			""", Long.class);

	private static final RedisScript<Long> REQUEUE_DUE = RedisScript.of(
			NOW + """
					local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now), 'LIMIT', 0, tonumber(ARGV[1]))
					for _, member in ipairs(due) do
					  redis.call('XADD', KEYS[2], '*', unpack(cjson.decode(member)[2]))
					  redis.call('ZREM', KEYS[1], member)
					end
					return #due
					""",
			Long.class);

	private static final RedisScript<Long> RECLAIM = RedisScript.of("""
			local cursor, claimed = '0-0', 0
			for _ = 1, 10 do
			  local reply = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 100, 'JUSTID')
			  cursor = reply[1]
			  claimed = claimed + #reply[2]
			  if cursor == '0-0' then break end
			end
			return claimed
			""", Long.class);

	// Each restart adds a consumer name; forget those that hold nothing and were not seen
	// for a long time.
	private static final RedisScript<Long> PRUNE_CONSUMERS = RedisScript.of("""
			local removed = 0
			for _, entry in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
			  local info = {}
			  for i = 1, #entry, 2 do info[entry[i]] = entry[i + 1] end
			  if info['name'] ~= ARGV[2] and info['pending'] == 0 and info['idle'] > tonumber(ARGV[3]) then
			    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
			    removed = removed + 1
			  end
			end
			return removed
			""", Long.class);

	private static final RedisScript<Long> DEPTH = RedisScript.of("""
			return redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
			""", Long.class);

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
		return orZero(redis.execute(ADD_ONCE, List.of(STREAM, ONCE_PREFIX + key), args.toArray())) == 1L;
	}

	/**
	 * Creates the consumer group (and the stream) unless it exists; from id 0, so no
	 * earlier message is missed.
	 */
	void createGroup() {
		redis.execute(CREATE_GROUP, List.of(STREAM), GROUP);
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
		redis.execute(DONE, List.of(STREAM), GROUP, id);
	}

	void retryLater(String id, int nextAttempt, Duration delay) {
		redis.execute(RETRY_LATER, List.of(STREAM, RETRY), GROUP, id, Integer.toString(nextAttempt),
				Long.toString(delay.toMillis()));
	}

	void moveToDead(String id, int attempts, String reason) {
		redis.execute(MOVE_TO_DEAD, List.of(STREAM, DEAD), GROUP, id, Integer.toString(attempts), reason,
				DEAD_MAX_LENGTH);
	}

	/** Moves retries that are due back into the stream and says how many. */
	long requeueDue(int limit) {
		return orZero(redis.execute(REQUEUE_DUE, List.of(RETRY, STREAM), Integer.toString(limit)));
	}

	/**
	 * Takes over messages that other consumers left unacknowledged for longer than
	 * {@code minIdle}.
	 */
	long reclaim(String consumer, Duration minIdle) {
		return orZero(redis.execute(RECLAIM, List.of(STREAM), GROUP, consumer, Long.toString(minIdle.toMillis())));
	}

	long pruneConsumers(String self, Duration idle) {
		return orZero(redis.execute(PRUNE_CONSUMERS, List.of(STREAM), GROUP, self, Long.toString(idle.toMillis())));
	}

	/**
	 * Messages waiting to be sent: in the stream (new or being sent) plus those waiting
	 * for a retry.
	 */
	long depth() {
		return orZero(redis.execute(DEPTH, List.of(STREAM, RETRY)));
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

	private static List<MapRecord<String, Object, Object>> orEmpty(List<MapRecord<String, Object, Object>> records) {
		return records == null ? List.of() : records;
	}

}
