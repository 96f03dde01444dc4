package org.accountsecurity.privacy.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.privacy.ExportLimitReached;
import org.accountsecurity.privacy.PersonalDataExport;
import org.accountsecurity.privacy.PersonalDataExport.Prepared;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * <em>Download my data</em>: the signed-in account's own data as one JSON file, never
 * cached; over the hourly limit the error page with 429 and Retry-After.
 */
@Controller
class DataExportController {

	private final PersonalDataExport export;

	DataExportController(PersonalDataExport export) {
		this.export = export;
	}

	@GetMapping("/account/privacy/export")
	void export(@AuthenticationPrincipal AccountUser user, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Prepared prepared = export.prepare(user.accountId(), RequestOrigin.of(request));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(prepared.filename()).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		prepared.writeTo(response.getOutputStream());
	}

	@ExceptionHandler
	String limitReached(ExportLimitReached ex, HttpServletResponse response, Model model) {
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		model.addAttribute("status", 429);
		return "error";
	}

}
