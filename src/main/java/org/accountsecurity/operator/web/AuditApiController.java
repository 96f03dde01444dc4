package org.accountsecurity.operator.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.audit.AuditPage;
import org.accountsecurity.audit.ChainCheck;
import org.accountsecurity.audit.ChainVerifier;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.InvalidAuditQuery;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for programs (SPEC §10, operators only): a page of events, an export of
 * a whole filter, and the chain check. The trail is read-only here: every other method on
 * these paths is a 405.
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
	Map<String, Object> verify() {
		ChainCheck check = verifier.verify();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("intact", check.intact());
		body.put("checked", check.checked());
		if (!check.intact()) {
			body.put("brokenAtId", check.brokenAtId());
			body.put("problem", check.problem());
		}
		return body;
	}

	// Audit events are written by the service only (SECURITY.md LG-05): nothing here
	// changes or deletes one.
	@Hidden
	@RequestMapping(path = { "/api/v1/audit-events", "/api/v1/audit-events/**" },
			method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<ProblemDetail> readOnly() {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, "GET, HEAD")
			.body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "read-only", "Audit events are read-only",
					"Audit events can be read, exported and verified; nothing can change or delete them."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidFilter(InvalidAuditQuery ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-filter", "Invalid filter",
				"\"" + ex.field() + "\" must be " + ex.expected() + ".");
		problem.setProperty("field", ex.field());
		return ResponseEntity.badRequest().body(problem);
	}

	/** A page of events, newest first. */
	record PageResponse(List<AuditEventResponse> events, int page, int size, long total) {
	}

}
