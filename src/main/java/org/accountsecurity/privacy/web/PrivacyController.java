package org.accountsecurity.privacy.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.accountsecurity.privacy.DpaDocument;
import org.accountsecurity.privacy.PrivacyProperties;
import org.accountsecurity.privacy.SecurityMeasures;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /privacy} for anyone: roles, sub-processors, the data processing agreement (and
 * its download in the page's language), security measures and network requirements.
 */
@Controller
class PrivacyController {

	static final String VIEW = "privacy/index";

	private final PrivacyProperties properties;

	private final SecurityMeasures measures;

	private final DpaDocument dpa;

	PrivacyController(PrivacyProperties properties, SecurityMeasures measures, DpaDocument dpa) {
		this.properties = properties;
		this.measures = measures;
		this.dpa = dpa;
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("privacy", properties);
		model.addAttribute("measures", measures);
		return VIEW;
	}

	@GetMapping("/privacy/dpa")
	ResponseEntity<String> dpa(Locale locale) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(dpa.filename(locale)).build().toString())
			.body(dpa.render(locale));
	}

}
