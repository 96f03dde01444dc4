package org.accountsecurity.web;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;

import jakarta.servlet.ServletContext;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the binding of every endpoint, pages and JSON API, through MockMvc against the
 * whole service with its Redis and GreenMail (make test replays the inputs under
 * {@code EndpointFuzzIntegrationTestsInputs}; make fuzz mutates them): any route from the
 * handler mappings, any method, content type, parameters and body, anonymous, as a user
 * or as an operator. Bad input must get an answer below 500, never an exception.
 */
class EndpointFuzzIntegrationTests extends IntegrationTest {

	private static MockMvc mvc;

	private static FuzzedRequests requests;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private AccountService accounts;

	@Autowired
	private Clock clock;

	@FuzzTest(maxDuration = "5m")
	void noInputGetsAServerError(FuzzedDataProvider data) {
		// The service talks to its own Redis and SMTP server on this machine: Jazzer's
		// SSRF
		// detector lets those through and flags a connection anywhere else.
		BugDetectors.allowNetworkConnections((host, port) -> "localhost".equals(host) || "127.0.0.1".equals(host));
		FuzzedRequests.Fuzzed fuzzed = requests().next(data);
		MockHttpServletRequestBuilder request = fuzzed.builder();
		ServletContext servletContext = context.getServletContext();
		try {
			request.buildRequest(servletContext);
		}
		catch (RuntimeException ex) {
			// MockMvc itself cannot build this request (a header it cannot parse): no
			// input for the service.
			return;
		}
		MockHttpServletResponse response;
		try {
			response = mvc().perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new AssertionError("uncaught exception for " + fuzzed, ex);
		}
		if (response.getStatus() >= 500) {
			fail("HTTP %d for %s", response.getStatus(), fuzzed);
		}
		assertThat(response.getStatus()).isGreaterThanOrEqualTo(200);
	}

	private FuzzedRequests requests() {
		if (requests == null) {
			requests = new FuzzedRequests(Routes.of(context), new FuzzIdentities(accounts, clock));
		}
		return requests;
	}

	private MockMvc mvc() {
		if (mvc == null) {
			DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
			SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(context);
			filters.setPrint(MockMvcPrint.NONE);
			filters.customize(builder);
			mvc = builder.build();
		}
		return mvc;
	}

}
