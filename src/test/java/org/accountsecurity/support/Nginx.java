package org.accountsecurity.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a child process of a test: a TLS-terminating reverse proxy on
 * 127.0.0.1 in front of the service, the way README → Production describes it. It runs in
 * the foreground with its configuration, pid, logs and temporary files in a folder of its
 * own, so it needs no root and touches nothing of a system nginx.
 */
public final class Nginx implements AutoCloseable {

	private static final File BINARY = new File("/usr/sbin/nginx");

	private final Process process;

	private final Path folder;

	private Nginx(Process process, Path folder) {
		this.process = process;
		this.folder = folder;
	}

	/**
	 * Whether nginx is installed, after one try of {@code scripts/ensure-nginx.sh} when
	 * it is not (for runs that do not come through {@code make test}).
	 */
	public static boolean available() {
		if (!BINARY.canExecute() && new File("scripts/ensure-nginx.sh").canExecute()) {
			try {
				new ProcessBuilder("scripts/ensure-nginx.sh").inheritIO().start().waitFor(5, TimeUnit.MINUTES);
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return RequiredInCi.check(BINARY.canExecute(), "nginx (Debian package nginx)");
	}

	/**
	 * Starts nginx on 127.0.0.1:{@code port} with the given certificate, proxying to
	 * 127.0.0.1:{@code upstreamPort}, and waits until it accepts connections.
	 */
	public static Nginx start(Path folder, int port, int upstreamPort, SelfSignedTls tls) throws IOException {
		Path conf = Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port, upstreamPort, tls));
		Path errors = folder.resolve("error.log");
		Process process = new ProcessBuilder(BINARY.getPath(), "-p", folder.toString(), "-c", conf.toString(), "-e",
				errors.toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("stdout.log").toFile())
			.start();
		Nginx nginx = new Nginx(process, folder);
		nginx.awaitListening(port, Duration.ofSeconds(15));
		return nginx;
	}

	/**
	 * The proxy as production should run it: X-Forwarded-For is the peer's address
	 * (whatever the client sent is dropped, not appended to), X-Forwarded-Proto and -Port
	 * tell the service that the client spoke HTTPS. No temporary files (the folder is
	 * private to this user, while nginx's workers may run as another).
	 */
	private static String configuration(Path folder, int port, int upstreamPort, SelfSignedTls tls) {
		return """
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 64; }
				http {
				  access_log %1$s/access.log;
				  client_body_temp_path %1$s/client_body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  client_body_buffer_size 1m;
				  proxy_max_temp_file_size 0;
				  server {
				    listen 127.0.0.1:%2$d ssl;
				    server_name localhost;
				    ssl_certificate %3$s;
				    ssl_certificate_key %4$s;
				    location / {
				      proxy_pass http://127.0.0.1:%5$d;
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $remote_addr;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_set_header X-Forwarded-Port $server_port;
				    }
				  }
				}
				""".formatted(folder, port, tls.certificate(), tls.privateKey(), upstreamPort);
	}

	private void awaitListening(int port, Duration timeout) throws IOException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IOException("nginx stopped: " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep(Duration.ofMillis(100));
			}
		}
		close();
		throw new IOException("nginx did not listen on " + port + ": " + log());
	}

	private String log() throws IOException {
		Path errors = folder.resolve("error.log");
		Path stdout = folder.resolve("stdout.log");
		return (Files.exists(errors) ? Files.readString(errors) : "")
				+ (Files.exists(stdout) ? Files.readString(stdout) : "");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Fast shutdown (SIGTERM to the master, which ends its worker). */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
