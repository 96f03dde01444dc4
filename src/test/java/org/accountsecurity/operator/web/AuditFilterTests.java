package org.accountsecurity.operator.web;

import java.time.Instant;

import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditQuery;
import org.accountsecurity.audit.InvalidAuditQuery;
import org.accountsecurity.audit.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTests {

	@Test
	void timesWithoutAnOffsetAreUtcAsDatetimeLocalFieldsSendThem() {
		AuditQuery query = new AuditFilter(" a@example.test ", "reset_requested", "failure", "2026-05-01T10:00",
				"2026-05-01T12:30:15+02:00", "2", "20")
			.toQuery();
		assertThat(query.email()).isEqualTo("a@example.test");
		assertThat(query.type()).isEqualTo(AuditEventType.RESET_REQUESTED);
		assertThat(query.outcome()).isEqualTo(Outcome.FAILURE);
		assertThat(query.from()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-05-01T10:30:15Z"));
		assertThat(query.page()).isEqualTo(2);
		assertThat(query.size()).isEqualTo(20);
	}

	@Test
	void blankFieldsMeanNoFilterAndDefaultPaging() {
		AuditQuery query = new AuditFilter("", "", null, " ", null, null, "").toQuery();
		assertThat(query).isEqualTo(AuditQuery.all());
	}

	@Test
	void eachBadValueNamesItsField() {
		assertThatThrownBy(() -> filter("type", "NOPE").toQuery()).extracting("field").isEqualTo("type");
		assertThatThrownBy(() -> filter("from", "soon").toQuery()).extracting("field").isEqualTo("from");
		assertThatThrownBy(() -> filter("size", "201").toQuery()).isInstanceOf(InvalidAuditQuery.class)
			.extracting("field")
			.isEqualTo("size");
		assertThatThrownBy(() -> filter("page", "-1").toQuery()).extracting("field").isEqualTo("page");
	}

	@Test
	void linksKeepTheFilterAndEncodePlusSigns() {
		AuditFilter filter = new AuditFilter("ada+audit@example.com", "RESET_REQUESTED", null, null,
				"2026-05-01T10:00:00+02:00", "3", "10");
		assertThat(filter.link("/operator/audit", 4)).isEqualTo("/operator/audit?email=ada%2Baudit%40example.com"
				+ "&type=RESET_REQUESTED&to=2026-05-01T10%3A00%3A00%2B02%3A00&page=4&size=10");
		assertThat(filter.export("/operator/audit/export", "csv")).endsWith("&size=10&format=csv")
			.doesNotContain("page=");
		assertThat(new AuditFilter(null, null, null, null, null, null, null).link("/operator/audit", 0))
			.isEqualTo("/operator/audit");
	}

	private static AuditFilter filter(String field, String value) {
		return new AuditFilter(null, field.equals("type") ? value : null, null, field.equals("from") ? value : null,
				null, field.equals("page") ? value : null, field.equals("size") ? value : null);
	}

}
