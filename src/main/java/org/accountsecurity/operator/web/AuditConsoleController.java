package org.accountsecurity.operator.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountLockdowns;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditPage;
import org.accountsecurity.audit.AuditQuery;
import org.accountsecurity.audit.AuditRetention;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.ChainCheck;
import org.accountsecurity.audit.ChainVerifier;
import org.accountsecurity.audit.InvalidAuditQuery;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.audit.ResetLinkHistory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' audit log page (README, Audit trail): filtered events newest first,
 * paged, their export, the chain check, and for an address that has an account its reset
 * links and the data-subject actions.
 */
@Controller
class AuditConsoleController {

	static final String VIEW = "operator/audit";

	static final String PATH = "/operator/audit";

	private static final int RESET_LINKS_SHOWN = 5;

	private final AuditTrail trail;

	private final AuditExports exports;

	private final ChainVerifier verifier;

	private final ResetLinkHistory resetLinks;

	private final AuditRetention retention;

	private final Accounts accounts;

	private final AccountLockdowns lockdowns;

	private final PendingRemovalList removals;

	AuditConsoleController(AuditTrail trail, AuditExports exports, ChainVerifier verifier, ResetLinkHistory resetLinks,
			AuditRetention retention, Accounts accounts, AccountLockdowns lockdowns, PendingRemovalList removals) {
		this.accounts = accounts;
		this.lockdowns = lockdowns;
		this.removals = removals;
		this.trail = trail;
		this.exports = exports;
		this.verifier = verifier;
		this.resetLinks = resetLinks;
		this.retention = retention;
	}

	@GetMapping(PATH)
	String console(@ModelAttribute("filter") AuditFilter filter, Model model, HttpServletResponse response) {
		model.addAttribute("types", List.of(AuditEventType.values()));
		model.addAttribute("outcomes", List.of(Outcome.values()));
		model.addAttribute("verifyAction", filter.link(PATH + "/verify", pageNumber(filter)));
		model.addAttribute("lastRun", retention.lastRun().orElse(null));
		model.addAttribute("retentionDays", retention.retention().toDays());
		model.addAttribute("pendingRemovals", removals.all());
		AuditQuery query;
		try {
			query = filter.toQuery();
		}
		catch (InvalidAuditQuery ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("filterError", ex.field());
			return VIEW;
		}
		AuditPage page = trail.search(query);
		model.addAttribute("page", page);
		model.addAttribute("previousUrl", page.hasPrevious() ? filter.link(PATH, page.page() - 1) : null);
		model.addAttribute("nextUrl", page.hasNext() ? filter.link(PATH, page.page() + 1) : null);
		model.addAttribute("csvUrl", filter.export(PATH + "/export", "csv"));
		model.addAttribute("jsonUrl", filter.export(PATH + "/export", "json"));
		Optional<Account> account = query.email() == null ? Optional.empty() : accounts.findByEmail(query.email());
		model.addAttribute("searchedEmail", query.email());
		account.ifPresent(a -> {
			model.addAttribute("account", a);
			model.addAttribute("lockedDownAt", lockdowns.lockedDownAt(a.id()).orElse(null));
			model.addAttribute("resetLinks", resetLinks.latest(a.id(), RESET_LINKS_SHOWN));
			model.addAttribute("secondFactors", removals.secondFactors(a.id()));
			model.addAttribute("removal", removals.of(a.id()));
		});
		return VIEW;
	}

	@PostMapping(PATH + "/verify")
	String verify(@ModelAttribute("filter") AuditFilter filter, RedirectAttributes redirect) {
		ChainCheck check = verifier.verify();
		// Flash attributes live in the Redis session: plain values only.
		redirect.addFlashAttribute("chainIntact", check.intact());
		redirect.addFlashAttribute("chainChecked", check.checked());
		redirect.addFlashAttribute("chainBrokenAt", check.brokenAtId());
		redirect.addFlashAttribute("chainProblem", check.problem());
		return "redirect:" + filter.link(PATH, pageNumber(filter));
	}

	@GetMapping(PATH + "/export")
	void export(@RequestParam(name = "format", required = false) String format,
			@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
		try {
			exports.write(format, filter.toQuery(), response);
		}
		catch (InvalidAuditQuery ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	private static int pageNumber(AuditFilter filter) {
		try {
			return filter.page() == null ? 0 : Integer.parseInt(filter.page().strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
