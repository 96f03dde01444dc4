package org.accountsecurity.operator.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.audit.AuditEventsReadOnly;
import org.accountsecurity.audit.AuditPage;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.ChainCheck;
import org.accountsecurity.audit.ChainVerifier;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for programs (docs/flows.md, JSON API; operators only): a page of
 * events, an export of a whole filter, and the chain check. The trail is read-only here:
 * every other method on these paths is a 405.
 */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	private final AuditExports exports;

	private final ChainVerifier verifier;

	AuditApiController(AuditTrail trail, AuditExports exports, ChainVerifier verifier) {
		this.trail = trail;
		this.exports = exports;
		this.verifier = verifier;
	}

	@GetMapping("/api/v1/audit-events")
	PageResponse list(@ModelAttribute AuditFilter filter) {
		AuditPage page = trail.search(filter.toQuery());
		return new PageResponse(page.events().stream().map(AuditEventResponse::of).toList(), page.page(), page.size(),
				page.total());
	}

	@GetMapping("/api/v1/audit-events/export")
	void export(@RequestParam(name = "format", required = false) String format, @ModelAttribute AuditFilter filter,
			HttpServletResponse response) throws IOException {
		exports.write(format == null ? "json" : format, filter.toQuery(), response);
	}

	@GetMapping("/api/v1/audit-events/verify")
	ChainCheckResponse verify() {
		ChainCheck check = verifier.verify();
		return new ChainCheckResponse(check.intact(), check.checked(), check.brokenAtId(), check.problem());
	}

	// Audit events are written by the service only (docs/security.md LG-05): nothing here
	// changes or deletes one.
	@Hidden
	@RequestMapping(path = { "/api/v1/audit-events", "/api/v1/audit-events/**" },
			method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	void readOnly() {
		throw new AuditEventsReadOnly();
	}

	/** A page of events, newest first. */
	record PageResponse(List<AuditEventResponse> events, int page, int size, long total) {
	}

	/**
	 * The chain check: intact after {@code checked} events, or the first event where it
	 * breaks ({@code brokenAtId}) and why ({@code problem}); both absent when intact.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChainCheckResponse(boolean intact, long checked, Long brokenAtId, String problem) {
	}

}
