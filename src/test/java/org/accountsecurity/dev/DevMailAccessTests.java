package org.accountsecurity.dev;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * {@code /dev/mail} shows every reset link: only a client on this machine may read it,
 * even if local mode were reachable from elsewhere.
 */
class DevMailAccessTests {

	private final MockMvc mvc;

	DevMailAccessTests() {
		GreenMail greenMail = mock(GreenMail.class);
		when(greenMail.getReceivedMessages()).thenReturn(new MimeMessage[0]);
		this.mvc = MockMvcBuilders.standaloneSetup(new DevMailController(greenMail)).build();
	}

	@Test
	void clientsOnThisMachineReadTheMailbox() throws Exception {
		for (String loopback : new String[] { "127.0.0.1", "127.0.1.1", "::1", "0:0:0:0:0:0:0:1" }) {
			mvc.perform(get("/dev/mail").with(from(loopback)))
				.andExpect(status().isOk())
				.andExpect(view().name("dev/mail"));
		}
	}

	@Test
	void clientsFromElsewhereGetNotFound() throws Exception {
		for (String remote : new String[] { "192.168.1.20", "10.0.0.7", "203.0.113.9", "2001:db8::1",
				"::ffff:192.0.2.1" }) {
			mvc.perform(get("/dev/mail").with(from(remote))).andExpect(status().isNotFound());
		}
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
