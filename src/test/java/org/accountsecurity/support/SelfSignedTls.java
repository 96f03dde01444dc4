package org.accountsecurity.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate for {@code localhost} and 127.0.0.1, made by the JDK's keytool
 * (always there, unlike the openssl command) and written as PEM files for a TLS proxy,
 * with an {@link SSLContext} that trusts it and nothing else.
 */
public record SelfSignedTls(Path certificate, Path privateKey, SSLContext clientContext) {

	private static final char[] STORE_PASSWORD = "changeit".toCharArray();

	public static SelfSignedTls create(Path folder) throws IOException, GeneralSecurityException {
		Path store = folder.resolve("tls.p12");
		keytool(List.of("-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
				"-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				store.toString(), "-storepass", new String(STORE_PASSWORD)));
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, STORE_PASSWORD);
		}
		Certificate certificate = keys.getCertificate("tls");
		Path certificatePem = pem(folder.resolve("cert.pem"), "CERTIFICATE", certificate.getEncoded());
		Path keyPem = pem(folder.resolve("key.pem"), "PRIVATE KEY", keys.getKey("tls", STORE_PASSWORD).getEncoded());
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("tls", certificate);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return new SelfSignedTls(certificatePem, keyPem, context);
	}

	private static void keytool(List<String> arguments) throws IOException {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static Path pem(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
		return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

}
