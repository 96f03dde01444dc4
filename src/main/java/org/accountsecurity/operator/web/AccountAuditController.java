package org.accountsecurity.operator.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.audit.PersonalDataEraser;
import org.accountsecurity.audit.PersonalDataEraser.Erasure;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's data-subject actions for one account: download its events (GDPR Art. 15),
 * and erase its personal data from the trail (Art. 17) after a confirm step where the
 * operator types the address.
 */
@Controller
class AccountAuditController {

	static final String CONFIRM_VIEW = "operator/erase";

	private final Accounts accounts;

	private final AccountAudit accountAudit;

	private final PersonalDataEraser eraser;

	AccountAuditController(Accounts accounts, AccountAudit accountAudit, PersonalDataEraser eraser) {
		this.accounts = accounts;
		this.accountAudit = accountAudit;
		this.eraser = eraser;
	}

	@GetMapping(path = "/operator/accounts/{id}/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AccountAudit.AccountExport> export(@PathVariable UUID id) {
		Account account = find(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events-" + account.id() + ".json\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(accountAudit.export(account));
	}

	@GetMapping("/operator/accounts/{id}/audit-erasure")
	String confirm(@PathVariable UUID id, Model model) {
		Account account = find(id);
		model.addAttribute("account", account);
		model.addAttribute("events", accountAudit.export(account).count());
		return CONFIRM_VIEW;
	}

	@PostMapping("/operator/accounts/{id}/audit-erasure")
	String erase(@PathVariable UUID id, @RequestParam(name = "confirmEmail", required = false) String confirmEmail,
			@AuthenticationPrincipal AccountUser operator, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Account account = find(id);
		if (confirmEmail == null || !EmailAddress.key(confirmEmail).equals(EmailAddress.key(account.email()))) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("confirmMismatch", true);
			return confirm(id, model);
		}
		Erasure erasure = eraser.erase(account.id(), account.email(), operator.accountId(), RequestOrigin.of(request));
		redirect.addFlashAttribute("erasedEvents", erasure.events());
		redirect.addFlashAttribute("erasureEventId", erasure.eventId());
		redirect.addAttribute("email", account.email());
		return "redirect:" + AuditConsoleController.PATH;
	}

	private Account find(UUID id) {
		return accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
