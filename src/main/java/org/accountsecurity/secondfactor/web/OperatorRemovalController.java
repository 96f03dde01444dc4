package org.accountsecurity.secondfactor.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.NoSecondFactor;
import org.accountsecurity.secondfactor.SecondFactorRemovals;
import org.accountsecurity.secondfactor.SecondFactorRemovals.Requested;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit console's "Remove second factors" button, with the API's effect: then back to
 * the account, which shows the pending removal (or says there was nothing to remove).
 */
@Controller
class OperatorRemovalController {

	private final SecondFactorRemovals removals;

	private final Accounts accounts;

	OperatorRemovalController(SecondFactorRemovals removals, Accounts accounts) {
		this.removals = removals;
		this.accounts = accounts;
	}

	@PostMapping("/operator/accounts/{id}/second-factors/removal")
	String request(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		Account account = accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			Requested requested = removals.request(id, operator.accountId(), RequestOrigin.of(request));
			// Flash attributes live in the Redis session: plain values only.
			redirect.addFlashAttribute("removalRequested", requested.created() ? "created" : "already_pending");
		}
		catch (NoSecondFactor ex) {
			redirect.addFlashAttribute("removalRequested", "no_second_factor");
		}
		catch (AccountNotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addAttribute("email", account.email());
		return "redirect:/operator/audit";
	}

}
