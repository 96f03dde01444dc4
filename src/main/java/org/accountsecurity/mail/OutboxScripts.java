package org.accountsecurity.mail;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The outbox's Lua scripts, one per move of a message between the stream, the retry set
 * and the dead letters ({@link OutboxStreams} calls them). Every key a script touches is
 * in its {@code KEYS}.
 */
final class OutboxScripts {

	// XADD unless the key says this message was queued already: a retry after a lost
	// reply queues nothing.
	static final RedisScript<Long> ADD_ONCE = RedisScript.of("""
			if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 0 end
			redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
			return 1
			""", Long.class);

	static final RedisScript<Long> CREATE_GROUP = RedisScript.of("""
			local reply = redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
			if type(reply) == 'table' and reply.err then
			  if string.find(reply.err, 'BUSYGROUP', 1, true) then return 0 end
			  return redis.error_reply(reply.err)
			end
			return 1
			""", Long.class);

	static final RedisScript<Long> DONE = RedisScript.of("""
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
	static final RedisScript<Long> RETRY_LATER = RedisScript.of(
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

	static final RedisScript<Long> MOVE_TO_DEAD = RedisScript.of(COPY_FIELDS + """
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

	static final RedisScript<Long> REQUEUE_DUE = RedisScript.of(
			NOW + """
					local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now), 'LIMIT', 0, tonumber(ARGV[1]))
					for _, member in ipairs(due) do
					  redis.call('XADD', KEYS[2], '*', unpack(cjson.decode(member)[2]))
					  redis.call('ZREM', KEYS[1], member)
					end
					return #due
					""",
			Long.class);

	static final RedisScript<Long> RECLAIM = RedisScript.of("""
			local cursor, claimed = '0-0', 0
			for _ = 1, 10 do
			  local reply = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 100, 'JUSTID')
			  cursor = reply[1]
			  claimed = claimed + #reply[2]
			  if cursor == '0-0' then break end
			end
			return claimed
			""", Long.class);

	// Just before a mail is sent: still this consumer's (no other took it over while it
	// waited in this consumer's batch)? Then its idle time starts again, so that nobody
	// takes it over while it is being sent.
	static final RedisScript<Long> TAKE = RedisScript.of("""
			if #redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2]) == 0 then return 0 end
			redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
			return 1
			""", Long.class);

	// Each restart adds a consumer name; forget those that hold nothing and were not seen
	// for a long time.
	static final RedisScript<Long> PRUNE_CONSUMERS = RedisScript.of("""
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

	static final RedisScript<Long> DEPTH = RedisScript.of("""
			return redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
			""", Long.class);

	private OutboxScripts() {
	}

}
