package org.accountsecurity.passwordreset.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a form field that must arrive exactly once: {@code email=a&email=b} or
 * {@code email[]=…} must never yield two recipients (GitLab CVE-2023-7028), so anything
 * but one value is empty.
 */
final class SingleParameter {

	private SingleParameter() {
	}

	static Optional<String> of(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length != 1 || request.getParameterMap().containsKey(name + "[]")) {
			return Optional.empty();
		}
		return Optional.of(values[0]);
	}

}
