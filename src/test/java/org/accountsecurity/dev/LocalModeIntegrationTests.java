package org.accountsecurity.dev;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.List;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Local mode (make run, the tests) listens on 127.0.0.1 only: its dev mailbox shows every
 * reset link.
 */
class LocalModeIntegrationTests extends IntegrationTest {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theServerListensOnTheLoopbackAddressOnly() {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		Object address = server.getTomcat().getConnector().getProperty("address");
		assertThat(address).isInstanceOfSatisfying(InetAddress.class,
				bound -> assertThat(bound.getHostAddress()).isEqualTo("127.0.0.1"));
	}

	@Test
	void theMachinesOtherAddressesAreRefused() throws SocketException {
		for (InetAddress other : otherAddresses()) {
			assertThatExceptionOfType(IOException.class).as(other.getHostAddress()).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(other, SERVER_PORT), 2000);
				}
			});
		}
	}

	@Test
	void localhostStillReachesTheServiceAndItsMailbox() {
		HttpResponse<String> mailbox = new WebClient(SERVER_PORT).get("/dev/mail");
		assertThat(mailbox.statusCode()).isEqualTo(200);
	}

	private static List<InetAddress> otherAddresses() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
			.toList();
	}

}
