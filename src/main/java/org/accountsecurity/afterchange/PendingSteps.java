package org.accountsecurity.afterchange;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL table of steps not done yet ({@code after_change_step}): a row is inserted with
 * the change and deleted once its step is done. A retry claims its row by moving
 * {@code attempts} on (optimistically), so of several workers only one runs it at a time.
 */
@Repository
class PendingSteps {

	private static final String COLUMNS = "id, account_id, kind, detail, request_id, created_at, attempts";

	private final JdbcClient jdbc;

	PendingSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AfterChangeStep step, Instant firstRetry) {
		jdbc.sql("insert into after_change_step (" + COLUMNS + ", next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(step.id(), step.accountId(), step.kind(), encode(step.detail()), step.requestId(),
					Timestamp.from(step.createdAt()), step.attempts(), Timestamp.from(firstRetry))
			.update();
	}

	/** Steps due by {@code now}, the longest waiting first. */
	List<AfterChangeStep> due(Instant now, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from after_change_step where next_attempt_at <= ? "
					+ "order by next_attempt_at, created_at limit ?")
			.params(Timestamp.from(now), limit)
			.query(PendingSteps::map)
			.list();
	}

	/**
	 * Claims the step for one more attempt and schedules the retry after it; false when
	 * another attempt claimed it first or it is done.
	 */
	boolean claim(AfterChangeStep step, Instant nextAttempt) {
		return jdbc.sql(
				"update after_change_step set attempts = attempts + 1, next_attempt_at = ? where id = ? and attempts = ?")
			.params(Timestamp.from(nextAttempt), step.id(), step.attempts())
			.update() == 1;
	}

	void delete(UUID id) {
		jdbc.sql("delete from after_change_step where id = ?").param(id).update();
	}

	long count() {
		return jdbc.sql("select count(*) from after_change_step").query(Long.class).single();
	}

	// Form encoding, in key order: small, readable, and needs no JSON library.
	static String encode(Map<String, String> detail) {
		return new TreeMap<>(detail).entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static Map<String, String> decode(String encoded) {
		Map<String, String> detail = new LinkedHashMap<>();
		if (encoded != null && !encoded.isEmpty()) {
			for (String pair : encoded.split("&")) {
				int eq = pair.indexOf('=');
				detail.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return detail;
	}

	private static AfterChangeStep map(ResultSet rs, int row) throws SQLException {
		return new AfterChangeStep(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("kind"), decode(rs.getString("detail")), rs.getString("request_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"));
	}

}
