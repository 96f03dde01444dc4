package org.accountsecurity.operator.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.audit.AuditQuery;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.InvalidAuditQuery;

import org.springframework.stereotype.Component;

/**
 * Writes the events of a filter (all pages, newest first) as CSV or JSON straight to the
 * response, chunk by chunk, up to {@link #CAP} events; a download for the console, the
 * same bytes for the API.
 */
@Component
class AuditExports {

	static final long CAP = 100_000;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	private final JsonMapper json;

	private final Clock clock;

	AuditExports(AuditTrail trail, JsonMapper json, Clock clock) {
		this.trail = trail;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * {@code format} is {@code csv} or {@code json}; anything else is an invalid filter.
	 */
	void write(String format, AuditQuery query, HttpServletResponse response) throws IOException {
		String chosen = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
		switch (chosen) {
			case "csv" -> csv(query, response);
			case "json" -> json(query, response);
			default -> throw new InvalidAuditQuery("format", "csv or json");
		}
	}

	private void csv(AuditQuery query, HttpServletResponse response) throws IOException {
		start(response, "text/csv;charset=UTF-8", "csv");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(Csv.row(AuditEventResponse.CSV_HEADER));
		trail.forEach(query, CAP, event -> {
			try {
				out.write(Csv.row(AuditEventResponse.of(event).csvRow(json)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	private void json(AuditQuery query, HttpServletResponse response) throws IOException {
		start(response, "application/json", "json");
		OutputStream stream = response.getOutputStream();
		try (JsonGenerator out = json.createGenerator(stream)) {
			out.writeStartObject();
			out.writeName("events");
			out.writeStartArray();
			long count = trail.forEach(query, CAP, event -> out.writePOJO(AuditEventResponse.of(event)));
			out.writeEndArray();
			out.writeNumberProperty("count", count);
			out.writeBooleanProperty("truncated", count >= CAP);
			out.writeEndObject();
		}
	}

	private void start(HttpServletResponse response, String contentType, String extension) {
		response.setContentType(contentType);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"audit-events-" + STAMP.format(clock.instant()) + "." + extension + "\"");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Export-Limit", Long.toString(CAP));
	}

}
