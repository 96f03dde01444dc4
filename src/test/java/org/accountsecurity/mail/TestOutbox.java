package org.accountsecurity.mail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

/** What waits in a test Redis's outbox, read back as the messages that were queued. */
public final class TestOutbox {

	private TestOutbox() {
	}

	/** The queued messages, oldest first, without the outbox's own fields. */
	public static List<OutboxMessage> queued(StringRedisTemplate redis) {
		return redis.opsForStream()
			.range(OutboxStreams.STREAM, Range.unbounded())
			.stream()
			.map(record -> message(record.getValue()))
			.toList();
	}

	private static OutboxMessage message(Map<Object, Object> fields) {
		return new OutboxMessage(String.valueOf(fields.get(OutboxStreams.KIND)),
				fields.entrySet()
					.stream()
					.filter(field -> !String.valueOf(field.getKey()).startsWith("_"))
					.collect(Collectors.toMap(field -> String.valueOf(field.getKey()),
							field -> String.valueOf(field.getValue()))));
	}

}
