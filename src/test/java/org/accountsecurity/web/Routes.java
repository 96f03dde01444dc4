package org.accountsecurity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the service as "METHOD /pattern", sorted (so that a fuzzer's input names
 * the same route in every run): the controllers' mappings plus what the security filters
 * and Boot serve themselves.
 */
final class Routes {

	private static final List<String> BEYOND_CONTROLLERS = List.of("POST /login", "POST /logout",
			"GET /actuator/health", "GET /actuator/prometheus", "GET /v3/api-docs", "GET /css/app.css", "GET /error",
			"GET /no/such/page", "POST /api/v1/no-such-endpoint");

	private Routes() {
	}

	static List<String> of(WebApplicationContext context) {
		Set<String> routes = new TreeSet<>(BEYOND_CONTROLLERS);
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("GET " + pattern);
					routes.add("POST " + pattern);
				}
				methods.forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}
		return new ArrayList<>(routes);
	}

}
