package org.accountsecurity.account.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a form field that must arrive exactly once: {@code newEmail=a&newEmail=b} or
 * {@code newEmail[]=…} must never become two recipients or a list (GitLab CVE-2023-7028),
 * so anything but one value reads as null.
 */
final class SingleValue {

	private SingleValue() {
	}

	static String of(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length != 1 || request.getParameterMap().containsKey(name + "[]")) {
			return null;
		}
		return values[0];
	}

}
