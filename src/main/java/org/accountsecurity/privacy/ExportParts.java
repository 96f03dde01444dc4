package org.accountsecurity.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.ActiveSession;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.secondfactor.SecondFactorInventory.Factor;

/**
 * The sections of the data download, each written as JSON. An event's actor is reduced to
 * its kind: an operator's account id is another person's data.
 */
final class ExportParts {

	private ExportParts() {
	}

	static void profile(JsonGenerator out, Account account) {
		out.writeName("profile");
		out.writeStartObject();
		out.writeStringProperty("id", account.id().toString());
		out.writeStringProperty("email", account.email());
		out.writeStringProperty("displayName", account.displayName());
		out.writeStringProperty("language", account.language().code());
		out.writeName("roles");
		out.writeStartArray();
		account.roles().stream().map(Enum::name).sorted().forEach(out::writeString);
		out.writeEndArray();
		out.writeStringProperty("createdAt", iso(account.createdAt()));
		out.writeStringProperty("passwordChangedAt", iso(account.passwordChangedAt()));
		out.writeEndObject();
	}

	/** Never a session id or its handle: what the holder sees on Account details. */
	static void sessions(JsonGenerator out, List<ActiveSession> active) {
		out.writeName("sessions");
		out.writeStartObject();
		out.writeNumberProperty("active", active.size());
		out.writeName("list");
		out.writeStartArray();
		for (ActiveSession session : active) {
			out.writeStartObject();
			out.writeStringProperty("browser", session.browser());
			out.writeStringProperty("system", session.os());
			out.writeStringProperty("clientAddress", session.clientAddress());
			out.writeStringProperty("signedInAt", iso(session.signedInAt()));
			out.writeStringProperty("lastSeenAt", iso(session.lastSeenAt()));
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeEndObject();
	}

	static void secondFactors(JsonGenerator out, List<Factor> factors) {
		out.writeName("secondFactors");
		out.writeStartArray();
		for (Factor factor : factors) {
			out.writeStartObject();
			out.writeStringProperty("kind", factor.kind());
			out.writeStringProperty("addedAt", iso(factor.addedAt()));
			if (factor.unused() != null) {
				out.writeNumberProperty("unused", factor.unused());
			}
			out.writeEndObject();
		}
		out.writeEndArray();
	}

	static void dpa(JsonGenerator out, Optional<DpaAcceptance> dpa, String currentVersion) {
		out.writeName("dataProcessingAgreement");
		out.writeStartObject();
		out.writeStringProperty("currentVersion", currentVersion);
		out.writeStringProperty("acceptedVersion", dpa.map(DpaAcceptance::version).orElse(null));
		out.writeStringProperty("acceptedAt", dpa.map(d -> iso(d.acceptedAt())).orElse(null));
		out.writeEndObject();
	}

	static void cookies(JsonGenerator out, Optional<ChosenCookieSettings> chosen) {
		WebinarCookieSettings settings = chosen.map(ChosenCookieSettings::settings)
			.orElse(WebinarCookieSettings.DEFAULTS);
		out.writeName("webinarCookieSettings");
		out.writeStartObject();
		out.writeBooleanProperty("necessary", settings.necessary());
		out.writeBooleanProperty("functional", settings.functional());
		out.writeBooleanProperty("analytics", settings.analytics());
		out.writeBooleanProperty("marketing", settings.marketing());
		out.writeStringProperty("changedAt", chosen.map(c -> iso(c.changedAt())).orElse(null));
		out.writeEndObject();
	}

	static void event(JsonGenerator out, AuditEvent event) {
		out.writeStartObject();
		out.writeStringProperty("type", event.type().name());
		out.writeStringProperty("occurredAt", iso(event.occurredAt()));
		out.writeStringProperty("outcome", event.outcome().name());
		out.writeStringProperty("reason", event.reason());
		out.writeStringProperty("actor", actorKind(event.actor()));
		out.writeStringProperty("clientAddress", event.clientAddress());
		out.writeStringProperty("userAgent", event.userAgent());
		out.writeEndObject();
	}

	static String actorKind(String actor) {
		if (actor == null || AuditEntry.SELF.equals(actor)) {
			return AuditEntry.SELF;
		}
		return actor.startsWith("operator:") ? "operator" : AuditEntry.SYSTEM;
	}

	static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
