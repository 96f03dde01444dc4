package org.accountsecurity.web;

import org.accountsecurity.system.Problems;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem: the caller is known but lacks the operator role. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				"This resource is for operators only.");
	}

}
