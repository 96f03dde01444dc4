package org.accountsecurity.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust auth, database {@code test}) when it
 * answers; each test class gets a schema of its own and drops it afterwards, so runs
 * never share state.
 */
public final class Postgres {

	public static final String URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String USER = System.getProperty("test.postgres.user", "postgres");

	private Postgres() {
	}

	/**
	 * Used by {@code @EnabledIf}: whether a PostgreSQL listens and lets us in (in CI it
	 * must).
	 */
	public static boolean available() {
		return RequiredInCi.check(reachable(), "PostgreSQL on 127.0.0.1:5432");
	}

	private static boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
		}
		catch (Exception ex) {
			return false;
		}
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	public static String newSchema() {
		return "ass_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static void dropSchema(String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
	}

}
